package dev.docflow.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListingPrefixTest {

    @Test
    void aFolderIsListedWithItsSubfoldersAndNotItsNeighbours() {
        ListingPrefix listing = ListingPrefix.parse("s3://exports/2026/q3");
        assertThat(listing).isEqualTo(new ListingPrefix("exports", "2026/q3/"));
        assertThat(ListingPrefix.parse("s3://exports/2026/q3/")).isEqualTo(listing);
        assertThat(listing.pathOf("2026/q3/deep/a.pdf")).isEqualTo("deep/a.pdf");
        assertThat(listing.storedKey("2026/q3/deep/a.pdf", "docflow")).isEqualTo("s3://exports/2026/q3/deep/a.pdf");
    }

    @Test
    void aWholeBucketHasNoPrefix() {
        assertThat(ListingPrefix.parse("s3://exports")).isEqualTo(new ListingPrefix("exports", ""));
        assertThat(ListingPrefix.parse("s3://exports/")).isEqualTo(new ListingPrefix("exports", ""));
    }

    @Test
    void aKnowledgeBasesOwnFolderKeepsItsPlainKeys() {
        ListingPrefix own = ListingPrefix.ofKnowledgeBase("docflow", "acme", "contracts");
        assertThat(own.pathOf("acme/contracts/2026/a.pdf")).isEqualTo("2026/a.pdf");
        assertThat(own.storedKey("acme/contracts/2026/a.pdf", "docflow")).isEqualTo("acme/contracts/2026/a.pdf");
    }

    @Test
    void anythingButAnS3UriIsRefusedSayingWhatIsExpected() {
        for (String bad : new String[] {"exports/2026", "s3://", "s3:///2026", "http://exports/2026", ""}) {
            assertThatThrownBy(() -> ListingPrefix.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("s3://bucket");
        }
    }
}
