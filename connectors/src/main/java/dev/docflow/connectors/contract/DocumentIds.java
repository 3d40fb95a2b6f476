package dev.docflow.connectors.contract;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A document's id is derived from where it lives (tenant, knowledge base, path), so ingesting the
 * same file again addresses the same document and overwrites its chunks.
 */
public final class DocumentIds {
    private DocumentIds() {}

    public static String of(String tenant, String knowledgeBase, String path) {
        String name = tenant + '\u0000' + knowledgeBase + '\u0000' + path;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
