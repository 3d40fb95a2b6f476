package dev.docflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** On pages of the Flink Kubernetes operator's documentation (Hugo), as they are in the corpus. */
class MarkdownMarkupTest {
    private static final Path PAGES = Path.of("src/test/resources/parse/markdown");

    @Test
    void frontMatterAndLicenceCommentGoAndTheFrontMatterTitleIsKept() throws IOException {
        MarkdownMarkup.Stripped page = MarkdownMarkup.strip(Files.readString(PAGES.resolve("operator-health.md")));

        assertThat(page.title()).isEqualTo("Operator Health Monitoring");
        assertThat(page.text()).doesNotContain("weight: 3", "type: docs", "aliases:", "/operations/health.html",
                "Licensed to the Apache Software Foundation", "<!--", "-->");
        assertThat(page.text().stripLeading()).startsWith("# Operator Health Monitoring");
    }

    @Test
    void codeBlocksAreKeptAsTheyAre() throws IOException {
        String raw = Files.readString(PAGES.resolve("operator-health.md"));

        String text = MarkdownMarkup.strip(raw).text();

        assertThat(text).contains("```\noperatorHealth:\n  port: 8085\n  livenessProbe:\n    periodSeconds: 10\n");
        assertThat(MarkdownMarkup.strip("Intro\n\n```html\n<!-- keep me -->\n{{< not a shortcode here >}}\n```\n<!-- drop me -->\nEnd\n").text())
                .contains("<!-- keep me -->", "{{< not a shortcode here >}}").doesNotContain("drop me");
    }

    @Test
    void shortcodesGoTheirContentStaysAndALinkToAShortcodeKeepsItsWords() throws IOException {
        MarkdownMarkup.Stripped page = MarkdownMarkup.strip(Files.readString(PAGES.resolve("job-management.md")));

        assertThat(page.title()).isEqualTo("Job Management");
        assertThat(page.text()).doesNotContain("{{", "}}", "hint info", "hint danger", "ref \"docs/");
        assertThat(page.text()).contains("as introduced in the FlinkDeployment/FlinkSessionJob overview.")
                .contains("The management features detailed in this section apply");
        // the hint's text stays a paragraph of its own, apart from the ones around it
        assertThat(page.text()).contains("in detail.\n\n\nThe management features");
    }

    @Test
    void inlineAndJekyllShortcodesGoAndTomlFrontMatterIsReadToo() {
        String raw = "+++\ntitle = 'Install guide'\ndraft = false\n+++\n{% include note.html %}\n"
                + "Run {{< version >}} of the installer {{% badge %}}beta{{% /badge %}} as root.\n";

        MarkdownMarkup.Stripped page = MarkdownMarkup.strip(raw);

        assertThat(page.title()).isEqualTo("Install guide");
        assertThat(page.text()).isEqualTo("\nRun  of the installer beta as root.\n");
    }

    @Test
    void aPageWithoutMarkupIsUnchangedAndARuleLaterOnIsNoFrontMatter() {
        String raw = "# Title\n\nText.\n\n---\n\nMore text.\n---\n";

        MarkdownMarkup.Stripped page = MarkdownMarkup.strip(raw);

        assertThat(page.text()).isEqualTo(raw);
        assertThat(page.title()).isEmpty();
    }
}
