package dev.docflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import java.nio.file.Path;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * What the parse stage emits survives Flink's own serializer (Kryo, for records), as it must when
 * Flink copies it to the chunker or sends it over the network: tables, parts and OCR pages included.
 */
class ExtractedDocumentTransportTest {

    @Test
    void aDocumentWithTablesAndOcrPagesCopiesAndRoundTrips() throws Exception {
        ExtractedDocument document;
        try (DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS, ExtractionSettings.DEFAULTS)) {
            Path pdf = Path.of("src/test/resources/tables/frx_2012_disclosure.pdf");
            document = extractor.extract(new DocumentRef("d", "t", "kb", "kb-id", "key", "frx.pdf", 0, 0), pdf);
        }
        TypeSerializer<ExtractedDocument> serializer =
                TypeInformation.of(ExtractedDocument.class).createSerializer(new ExecutionConfig());

        ExtractedDocument copy = serializer.copy(document);
        DataOutputSerializer out = new DataOutputSerializer(1024);
        serializer.serialize(document, out);
        ExtractedDocument read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(document.tables()).isNotEmpty();
        for (ExtractedDocument other : new ExtractedDocument[] {copy, read}) {
            assertThat(other.text()).isEqualTo(document.text());
            assertThat(other.tables()).containsExactly(document.tables());
            assertThat(other.parts()).containsExactly(document.parts());
        }
    }
}
