import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown to one HTML page, for scripts/screenshot-markdown: CommonMark with GitHub's tables, raw HTML kept (the
 * {@code <details>} and the hidden marker pass through, as on GitHub). GitHub's {@code > [!WARNING]} alerts are not
 * an extension here on purpose: the page shows what a renderer without them shows. A short script at the end writes
 * the page's height into {@code data-height}, read from Chromium's {@code --dump-dom} to size the screenshot.
 *
 * <p>Run with the JDK's single-file launcher: {@code java -cp commonmark.jar:commonmark-ext-gfm-tables.jar
 * scripts/MarkdownHtml.java IN.md OUT.html [IN.md OUT.html ...]}.
 */
public class MarkdownHtml {

    static final String STYLE = """
            body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 14px;
                   line-height: 1.5; color: #1f2328; background: #fff; max-width: 1012px; margin: 16px auto; padding: 0 16px; }
            h3 { font-size: 1.25em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; }
            h4 { font-size: 1em; margin-top: 24px; }
            table { border-collapse: collapse; margin: 8px 0 16px; display: block; overflow: auto; }
            th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
            tr:nth-child(2n) { background: #f6f8fa; }
            code { font-family: "DejaVu Sans Mono", monospace; font-size: 85%; background: #eff1f3; padding: .2em .4em;
                   border-radius: 6px; }
            pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; }
            pre code { background: none; padding: 0; }
            blockquote { margin: 0 0 16px; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
            details { margin: 0 0 16px; } summary { cursor: pointer; }
            hr { border: 0; height: .25em; background: #d1d9e0; margin: 24px 0; }
            """;

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: MarkdownHtml IN.md OUT.html [IN.md OUT.html ...]");
            System.exit(64);
        }
        List<Extension> extensions = List.of(TablesExtension.create());
        Parser parser = Parser.builder().extensions(extensions).build();
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).build();
        for (int i = 0; i < args.length; i += 2) {
            Path in = Path.of(args[i]);
            String body = renderer.render(parser.parse(Files.readString(in, StandardCharsets.UTF_8)));
            String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + in.getFileName()
                    + "</title>\n<style>\n" + STYLE + "</style></head>\n<body>\n" + body
                    + "<script>document.documentElement.setAttribute('data-height',"
                    + " String(Math.ceil(document.documentElement.getBoundingClientRect().height) + 32));</script>\n"
                    + "</body></html>\n";
            Files.writeString(Path.of(args[i + 1]), page, StandardCharsets.UTF_8);
        }
    }
}
