package dev.docflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Titles as the PDFs of the corpus's tables folder declare them. */
class DocumentTitleTest {
    @Test
    void anAuthorsTitleIsKept() {
        assertThat(DocumentTitle.of(" Arrests by Sex and Age", "12s0324.pdf")).isEqualTo("Arrests by Sex and Age");
        assertThat(DocumentTitle.of("20.10. Automatic Vacuuming", "routine-vacuuming.html")).isEqualTo("20.10. Automatic Vacuuming");
    }

    @Test
    void aProgramsPrefixAndTheSourceFilesExtensionAreCut() {
        assertThat(DocumentTitle.of("Microsoft Word - Publishing of award of Bids for Transport Sector -August 2016.docx",
                "Publication_of_award.pdf")).isEqualTo("Publishing of award of Bids for Transport Sector -August 2016");
    }

    @Test
    void placeholdersFileNamesAndTheFileNameItselfAreNoTitle() {
        assertThat(DocumentTitle.of("Untitled", "frx_2012_disclosure.pdf")).isEmpty();
        assertThat(DocumentTitle.of("ActiveReports Document", "argentina_diputados_voting_record.pdf")).isEmpty();
        assertThat(DocumentTitle.of("S2MNCE01birdisland.xlsx", "S2MNCEbirdisland.pdf")).isEmpty();
        assertThat(DocumentTitle.of("EPA_Datacenter_Report_Final_Appendices.pdf", "spanning_cells.pdf")).isEmpty();
        assertThat(DocumentTitle.of("indictb1h_14", "indictb1h_14.pdf")).isEmpty();
        assertThat(DocumentTitle.of("  ", "a.pdf")).isEmpty();
        assertThat(DocumentTitle.of(null, "a.pdf")).isEmpty();
        assertThat(DocumentTitle.of("-- 2 --", "a.pdf")).isEmpty();
    }

    @Test
    void aVeryLongTitleIsCut() {
        assertThat(DocumentTitle.of("word ".repeat(200), "a.pdf")).hasSizeLessThanOrEqualTo(DocumentTitle.MAX_CHARS);
    }
}
