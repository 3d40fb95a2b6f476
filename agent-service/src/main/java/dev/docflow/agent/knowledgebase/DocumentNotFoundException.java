package dev.docflow.agent.knowledgebase;

/** The knowledge base holds no document with that id (one of another knowledge base counts as none). */
public final class DocumentNotFoundException extends RuntimeException {
    public DocumentNotFoundException(String documentId) {
        super("There is no document \"" + documentId + "\" in this knowledge base");
    }
}
