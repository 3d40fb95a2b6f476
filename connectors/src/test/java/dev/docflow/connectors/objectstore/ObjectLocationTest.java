package dev.docflow.connectors.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectLocationTest {

    @Test
    void aPlainKeyIsInDocflowsOwnBucket() {
        assertThat(ObjectLocation.of("acme/contracts/a.pdf", "docflow"))
                .isEqualTo(new ObjectLocation("docflow", "acme/contracts/a.pdf"));
        assertThat(ObjectLocation.isElsewhere("acme/contracts/a.pdf", "docflow")).isFalse();
    }

    @Test
    void anS3UriNamesAnotherBucketAndIsStoredAsSuch() {
        ObjectLocation location = ObjectLocation.of("s3://exports/2026/q3/a.pdf", "docflow");
        assertThat(location).isEqualTo(new ObjectLocation("exports", "2026/q3/a.pdf"));
        assertThat(ObjectLocation.isElsewhere("s3://exports/2026/q3/a.pdf", "docflow")).isTrue();
        assertThat(location.stored("docflow")).isEqualTo("s3://exports/2026/q3/a.pdf");
        assertThat(new ObjectLocation("docflow", "acme/kb/a.pdf").stored("docflow")).as("its own bucket: the plain key")
                .isEqualTo("acme/kb/a.pdf");
        assertThat(ObjectLocation.isElsewhere("s3://docflow/acme/kb/a.pdf", "docflow")).isFalse();
    }

    @Test
    void anS3UriWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> ObjectLocation.of("s3://exports", "docflow")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s3://bucket/key");
        assertThatThrownBy(() -> ObjectLocation.of("s3:///a.pdf", "docflow")).isInstanceOf(IllegalArgumentException.class);
    }
}
