package dev.docflow.agent.knowledgebase;

/** The tenant has no knowledge base of that name (another tenant's counts as none). */
public final class KnowledgeBaseNotFoundException extends RuntimeException {
    private final String knowledgeBase;

    public KnowledgeBaseNotFoundException(String knowledgeBase) {
        super("There is no knowledge base \"" + knowledgeBase + "\"");
        this.knowledgeBase = knowledgeBase;
    }

    public String knowledgeBase() {
        return knowledgeBase;
    }
}
