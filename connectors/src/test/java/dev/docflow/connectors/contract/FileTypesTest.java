package dev.docflow.connectors.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileTypesTest {
    @Test
    void isTheLowerCaseExtensionOfTheLastSegment() {
        assertThat(FileTypes.of("Report.PDF")).isEqualTo("pdf");
        assertThat(FileTypes.of("logs.tar.gz")).isEqualTo("gz");
        assertThat(FileTypes.of("notes/v1.2/readme.md")).isEqualTo("md");
    }

    @Test
    void isEmptyWithoutAnExtension() {
        assertThat(FileTypes.of("README")).isEmpty();
        assertThat(FileTypes.of(".profile")).isEmpty();
        assertThat(FileTypes.of("notes.")).isEmpty();
        assertThat(FileTypes.of("v1.2/README")).isEmpty();
    }

    @Test
    void aTitleIsTheNameWithoutItsExtensionInWords() {
        assertThat(FileTypes.title("docs__custom-resource__job-management.md")).isEqualTo("docs custom resource job management");
        assertThat(FileTypes.title("manuals/R-data.pdf")).isEqualTo("R data");
        assertThat(FileTypes.title("README")).isEqualTo("README");
    }
}
