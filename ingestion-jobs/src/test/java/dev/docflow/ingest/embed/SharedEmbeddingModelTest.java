package dev.docflow.ingest.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class SharedEmbeddingModelTest {

    @Test
    void modelsOnFlinksOwnClassPathAreSharedAndAJobJarsAreTheJobs() throws Exception {
        ClassLoader flink = getClass().getClassLoader();
        try (URLClassLoader jobJar = new URLClassLoader(new URL[0], flink)) {
            assertThat(SharedEmbeddingModel.ownedByJob(flink, flink)).as("the launcher's local cluster").isFalse();
            assertThat(SharedEmbeddingModel.ownedByJob(flink.getParent(), flink)).as("a parent of Flink's").isFalse();
            assertThat(SharedEmbeddingModel.ownedByJob(jobJar, flink)).as("a job's class loader").isTrue();
        }
    }

    @Test
    void closingTheModelsLoadsThemAfreshOnTheNextCall() {
        var first = SharedEmbeddingModel.get();
        assertThat(SharedEmbeddingModel.get()).isSameAs(first);
        SharedEmbeddingModel.closeAll();
        var second = SharedEmbeddingModel.get();
        assertThat(second).isNotSameAs(first);
        assertThat(second.embed("a heron by the lake").content().dimension()).isEqualTo(384);
    }
}
