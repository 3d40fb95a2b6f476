package dev.docflow.ingest.stream;

import dev.docflow.connectors.contract.UploadEvent;
import dev.docflow.ingest.model.DocumentRef;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns upload events into the documents the pipeline ingests. A record that is not an upload
 * event is logged and skipped: one bad message must not stop every upload behind it.
 */
public final class UploadEventDeserializer implements KafkaRecordDeserializationSchema<DocumentRef> {
    private static final Logger LOG = LoggerFactory.getLogger(UploadEventDeserializer.class);

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DocumentRef> out) {
        if (record.value() == null) {
            return;
        }
        try {
            out.collect(UploadEvents.toDocumentRef(UploadEvent.fromJson(record.value())));
        } catch (IllegalArgumentException e) {
            LOG.warn("upload event skipped topic={} partition={} offset={}: {}",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    @Override
    public TypeInformation<DocumentRef> getProducedType() {
        return TypeInformation.of(DocumentRef.class);
    }
}
