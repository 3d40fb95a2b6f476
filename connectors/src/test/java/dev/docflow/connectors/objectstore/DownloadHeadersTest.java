package dev.docflow.connectors.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadHeadersTest {

    @Test
    void htmlSvgAndScriptsAreDownloadsOfAnOpaqueType() {
        for (String name : new String[] {"page.html", "logo.SVG", "app.js", "page.xhtml", "notes.md", "README"}) {
            DownloadHeaders headers = DownloadHeaders.of("t/kb/.versions/id/v/" + name);
            assertThat(headers.contentType()).as(name).isEqualTo("application/octet-stream");
            assertThat(headers.isInline()).as(name).isFalse();
            assertThat(headers.contentDisposition()).as(name).startsWith("attachment; filename=\"" + name + "\"");
        }
    }

    @Test
    void pdfsAndRasterImagesOpenInlineWithTheirOwnType() {
        assertThat(DownloadHeaders.of("a/b/R-intro.pdf")).isEqualTo(new DownloadHeaders("application/pdf",
                "inline; filename=\"R-intro.pdf\"; filename*=UTF-8''R-intro.pdf"));
        assertThat(DownloadHeaders.of("scan.JPG").contentType()).isEqualTo("image/jpeg");
        assertThat(DownloadHeaders.of("scan.png").isInline()).isTrue();
    }

    @Test
    void theNameTheUploaderChoseIsKeptExactlyAndCannotBreakTheHeader() {
        DownloadHeaders headers = DownloadHeaders.of("rapport \"final\"; été.html");

        assertThat(headers.contentDisposition()).isEqualTo("attachment; filename=\"rapport _final__ _t_.html\";"
                + " filename*=UTF-8''rapport%20%22final%22%3B%20%C3%A9t%C3%A9.html");
        assertThat(headers.contentDisposition()).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void aNameWithControlCharactersBecomesHarmless() {
        assertThat(DownloadHeaders.of("evil\r\nSet-Cookie: x.pdf").contentDisposition())
                .doesNotContain("\r").doesNotContain("\n");
    }
}
