package dev.docflow.connectors.contract;

/**
 * Chunk ids are the document id plus the chunk's ordinal, so a re-run of the same document
 * overwrites its chunks instead of adding copies.
 */
public final class ChunkIds {
    private ChunkIds() {}

    public static String of(String documentId, int ordinal) {
        return documentId + ":" + ordinal;
    }
}
