package dev.docflow.agent.retrieval;

/**
 * Where retrieval looks: one tenant's knowledge base, optionally narrowed by a filter.
 *
 * @param knowledgeBase the knowledge base's name
 * @param knowledgeBaseId its id, never reused: chunks are scoped by it, so a knowledge base deleted
 *     and created again under the same name sees none of the old one's. Null only for tools that
 *     address a knowledge base by name alone (benchmarks over their own ingested corpus).
 */
public record RetrievalScope(String tenant, String knowledgeBase, String knowledgeBaseId, RetrievalFilter filter) {
    /** By name alone, no filter: see {@link #knowledgeBaseId}. */
    public static RetrievalScope of(String tenant, String knowledgeBase) {
        return new RetrievalScope(tenant, knowledgeBase, null, RetrievalFilter.NONE);
    }
}
