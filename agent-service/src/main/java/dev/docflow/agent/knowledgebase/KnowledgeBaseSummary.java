package dev.docflow.agent.knowledgebase;

import java.util.Map;

/**
 * A knowledge base at a glance.
 *
 * @param documentsByStatus how many documents are {@code uploaded}, {@code processing},
 *     {@code indexed} and {@code failed}
 * @param chunks chunks of its indexed documents
 */
public record KnowledgeBaseSummary(String name, long documents, Map<String, Long> documentsByStatus, long chunks) {}
