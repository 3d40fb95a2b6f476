package dev.docflow.connectors.contract;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A document's id is derived from where it lives (tenant, knowledge base, path), so ingesting the
 * same file again addresses the same document and overwrites its chunks.
 *
 * <p>The knowledge base is named by its id, which is never reused, not by its name: a knowledge
 * base deleted and created again under the same name gets other document ids, hence other chunk
 * ids, so nothing the old one left in flight (an outcome, a chunk write) can address a document of
 * the new one.
 */
public final class DocumentIds {
    private DocumentIds() {}

    public static String of(String tenant, UUID knowledgeBaseId, String path) {
        return nameUuid("kb-id\u0000" + tenant + '\u0000' + knowledgeBaseId + '\u0000' + path);
    }

    /**
     * The id a document got before knowledge-base ids were part of document ids: rows recorded
     * then keep it (see {@code DocumentRepository#idOf}), so a new version of such a document
     * updates its row rather than starting a second one.
     */
    public static String beforeKnowledgeBaseIds(String tenant, String knowledgeBaseName, String path) {
        return nameUuid(tenant + '\u0000' + knowledgeBaseName + '\u0000' + path);
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
