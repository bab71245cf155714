package xenpt.render;

/** The output formats of {@code -o}: people read text, programs read JSON, pull requests show Markdown. */
public enum Format {
    text,
    json,
    markdown
}
