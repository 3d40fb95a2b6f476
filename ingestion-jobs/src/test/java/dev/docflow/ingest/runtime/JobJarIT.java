package dev.docflow.ingest.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job jar the package phase built (run after it, by failsafe): what a Flink cluster needs from
 * us is inside, what the cluster brings itself is not. {@code FlinkClusterIT} runs it on a cluster.
 */
class JobJarIT {
    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(JobJar.locate(Path.of("target")).toFile());
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void holdsBothEntryPointsTheConnectorsAndTheModel() {
        assertThat(List.of(
                "dev/docflow/ingest/BulkIngestJob.class",
                "dev/docflow/ingest/StreamingIngestJob.class",
                "org/apache/flink/connector/kafka/source/KafkaSource.class",
                "org/apache/flink/connector/base/DeliveryGuarantee.class",
                "org/apache/tika/parser/pdf/PDFParser.class",
                "technology/tabula/ObjectExtractor.class",
                "net/sourceforge/tess4j/Tesseract.class",
                "ai/onnxruntime/OrtEnvironment.class",
                "bge-small-en-v1.5-q.onnx", "all-minilm-l6-v2.onnx"))
                .allSatisfy(name -> assertThat(jar.getEntry(name)).as(name).isNotNull());
    }

    @Test
    void keepsTheElasticsearchSinkAdaptationInTheConnectorsPackage() {
        // it uses the connector's package-private BulkProcessorConfig: same package, same jar, same class loader
        assertThat(jar.getEntry("org/apache/flink/connector/elasticsearch/sink/Elasticsearch8CompatibleSinkBuilder.class"))
                .isNotNull();
        assertThat(jar.getEntry("org/apache/flink/connector/elasticsearch/sink/BulkProcessorConfig.class")).isNotNull();
    }

    @Test
    void leavesFlinkAndLoggingToTheCluster() {
        assertThat(jar.stream().map(ZipEntry::getName))
                .noneMatch(name -> name.startsWith("org/apache/flink/api/")
                        || name.startsWith("org/apache/flink/runtime/")
                        || name.startsWith("org/apache/flink/streaming/api/")
                        || name.startsWith("org/apache/flink/client/")
                        || name.startsWith("org/apache/logging/log4j/")
                        || name.startsWith("org/slf4j/"));
    }

    @Test
    void mergesTheServiceFilesSoTikaFindsParsersOfEveryModule() throws IOException {
        String parsers = text("META-INF/services/org.apache.tika.parser.Parser");
        // from three different jars of tika-parsers-standard-package: a first-wins copy holds one
        assertThat(parsers).contains("org.apache.tika.parser.pdf.PDFParser",
                "org.apache.tika.parser.microsoft.ooxml.OOXMLParser", "org.apache.tika.parser.html.JSoupParser");
        assertThat(text("META-INF/services/org.apache.tika.detect.Detector")).contains(
                "org.apache.tika.detect.zip.DefaultZipContainerDetector");
    }

    @Test
    void carriesNoSignatureOfTheSignedJarsItMerged() {
        assertThat(jar.stream().map(ZipEntry::getName))
                .noneMatch(name -> name.startsWith("META-INF/") && (name.endsWith(".SF") || name.endsWith(".RSA")
                        || name.endsWith(".DSA")));
    }

    private static String text(String name) throws IOException {
        ZipEntry entry = jar.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
