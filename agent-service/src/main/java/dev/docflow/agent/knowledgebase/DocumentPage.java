package dev.docflow.agent.knowledgebase;

import java.util.List;

/** One page of a knowledge base's documents; {@code total} counts all that match the filter. */
public record DocumentPage(List<DocumentView> documents, long total, int limit, long offset) {}
