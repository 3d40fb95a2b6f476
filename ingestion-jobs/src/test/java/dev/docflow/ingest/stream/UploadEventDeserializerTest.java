package dev.docflow.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.model.DocumentRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class UploadEventDeserializerTest {
    private final UploadEventDeserializer deserializer = new UploadEventDeserializer();
    private final List<DocumentRef> out = new ArrayList<>();

    @Test
    void anUploadEventBecomesTheDocumentToIngest() throws Exception {
        DocumentRef ref = new DocumentRef("0b3c8a52-3c1e-3d1f-9a55-5f2f0e3f6a11", "acme", "handbook", "5d1f0c2e-0000-4000-8000-000000000003",
                "acme/handbook/a.pdf", "a.pdf", 1234, 0);

        deserializer.deserialize(record(UploadEvents.of(ref).toJson()), new ListCollector<>(out));

        assertThat(out).containsExactly(ref);
    }

    @Test
    void aMessageThatIsNotAnUploadEventIsSkipped() throws Exception {
        ListCollector<DocumentRef> collector = new ListCollector<>(out);
        deserializer.deserialize(record("not json".getBytes(StandardCharsets.UTF_8)), collector);
        deserializer.deserialize(record("{\"documentId\":\"d2\"}".getBytes(StandardCharsets.UTF_8)), collector);
        deserializer.deserialize(record(("{\"documentId\":\"not-a-uuid\",\"tenant\":\"t\",\"knowledgeBase\":\"k\","
                + "\"objectKey\":\"t/k/a\",\"fileName\":\"a\",\"sizeBytes\":1}").getBytes(StandardCharsets.UTF_8)), collector);
        deserializer.deserialize(record(null), collector);

        assertThat(out).isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("docflow.uploads", 0, 7L, "key".getBytes(StandardCharsets.UTF_8), value);
    }
}
