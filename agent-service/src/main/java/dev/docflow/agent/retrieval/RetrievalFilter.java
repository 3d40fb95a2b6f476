package dev.docflow.agent.retrieval;

import java.time.Instant;
import java.util.List;

/**
 * Narrows retrieval within a knowledge base. Every part is optional; parts given all apply.
 *
 * @param documentIds only these documents; empty for all
 * @param fileTypes only files of these types, as file-name extensions without the dot
 *     ({@code pdf}, {@code docx}), lower case; empty for all
 * @param uploadedFrom only documents uploaded at or after this instant; null for no bound
 * @param uploadedBefore only documents uploaded before this instant; null for no bound
 */
public record RetrievalFilter(List<String> documentIds, List<String> fileTypes, Instant uploadedFrom, Instant uploadedBefore) {
    public static final RetrievalFilter NONE = new RetrievalFilter(List.of(), List.of(), null, null);

    public RetrievalFilter {
        documentIds = List.copyOf(documentIds);
        fileTypes = List.copyOf(fileTypes);
    }
}
