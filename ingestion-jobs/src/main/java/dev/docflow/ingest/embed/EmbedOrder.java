package dev.docflow.ingest.embed;

/** In which order the async embed stage emits its documents (Flink's Async I/O output modes). */
public enum EmbedOrder {
    /**
     * In the order they came: the streaming job's. Its versions of one document follow each other
     * through one subtask, and the index stage must see them in upload order (an older version
     * written after a newer one would be found unwanted and its removal, by chunk id, would take
     * the newer one's chunks). Flink keeps this order through a restore too: an ordered queue's
     * in-flight documents are checkpointed, and re-embedded, in the order they came.
     */
    AS_RECEIVED,
    /**
     * As each is done, so a small document overtakes a large one: the bulk job's, which reads one
     * version per document.
     */
    AS_COMPLETED
}
