package dev.docflow.agent.retrieval;

/** Where retrieval looks: one tenant's knowledge base, optionally narrowed by a filter. */
public record RetrievalScope(String tenant, String knowledgeBase, RetrievalFilter filter) {
    public static RetrievalScope of(String tenant, String knowledgeBase) {
        return new RetrievalScope(tenant, knowledgeBase, RetrievalFilter.NONE);
    }
}
