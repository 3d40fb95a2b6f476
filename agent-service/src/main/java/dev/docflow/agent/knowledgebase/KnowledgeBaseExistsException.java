package dev.docflow.agent.knowledgebase;

/** The tenant has a knowledge base of that name already. */
public final class KnowledgeBaseExistsException extends RuntimeException {
    public KnowledgeBaseExistsException(String name) {
        super("There is a knowledge base \"" + name + "\" already");
    }
}
