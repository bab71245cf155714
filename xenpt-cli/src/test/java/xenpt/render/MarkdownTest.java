package xenpt.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void aHostileNameStaysTextInATableCell() {
        assertThat(Markdown.cell("x](https://evil.example) *bold* _em_ ~~s~~ `c` <img src=x> a|b & c\nd"))
                .isEqualTo("x\\](https://evil.example) \\*bold\\* \\_em\\_ \\~\\~s\\~\\~ \\`c\\` &lt;img src=x&gt; a\\|b &amp; c d");
    }

    @Test
    void aCodeSpanCannotBeClosedEarlyOrSplitATable() {
        assertThat(Markdown.code("a`b|c")).isEqualTo("`a'b\\|c`");
        assertThat(Markdown.code(null)).isEqualTo("—");
    }
}
