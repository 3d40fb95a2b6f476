package dev.docflow.agent.retrieval;

import static dev.docflow.connectors.contract.ChunkFields.DOCUMENT_ID;
import static dev.docflow.connectors.contract.ChunkFields.EMBEDDING;
import static dev.docflow.connectors.contract.ChunkFields.FILE_TYPE;
import static dev.docflow.connectors.contract.ChunkFields.HEADING_PATH;
import static dev.docflow.connectors.contract.ChunkFields.KNOWLEDGE_BASE;
import static dev.docflow.connectors.contract.ChunkFields.TENANT;
import static dev.docflow.connectors.contract.ChunkFields.TEXT;
import static dev.docflow.connectors.contract.ChunkFields.TEXT_STEMMED;
import static dev.docflow.connectors.contract.ChunkFields.UPLOADED_AT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import java.util.List;

/**
 * The two searches of hybrid retrieval as Elasticsearch request bodies. Built as Jackson trees:
 * the question only ever travels as a JSON string value, never spliced into JSON or query syntax
 * ({@code match}/{@code multi_match} do not parse operators, unlike {@code query_string}).
 * Both are restricted to one tenant's knowledge base by keyword term filters, and by the request's
 * {@link RetrievalFilter} when it has one.
 */
public final class ChunkQueries {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ChunkQueries() {}

    /**
     * BM25: the question against the exact text and the heading path, and its stemmed terms against
     * the Java-stemmed text; a chunk must match at least one.
     */
    public static ObjectNode bm25(Question question, RetrievalScope scope, int size) {
        ObjectNode body = base(size);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.set("filter", filters(scope));
        ArrayNode should = bool.putArray("should");
        ObjectNode multiMatch = should.addObject().putObject("multi_match");
        multiMatch.put("query", question.text());
        multiMatch.putArray("fields").add(TEXT).add(HEADING_PATH);
        if (!question.terms().isEmpty()) {
            should.addObject().putObject("match").putObject(TEXT_STEMMED).put("query", question.stemmedText());
        }
        bool.put("minimum_should_match", 1);
        return body;
    }

    /** Approximate kNN on the embedding, filtered inside the HNSW search (not after it). */
    public static ObjectNode knn(Question question, RetrievalScope scope, RetrievalSettings settings) {
        ObjectNode body = base(settings.candidates());
        ObjectNode knn = body.putObject("knn");
        knn.put("field", EMBEDDING);
        ArrayNode vector = knn.putArray("query_vector");
        for (float value : question.embedding()) {
            vector.add(value);
        }
        knn.put("k", settings.candidates());
        knn.put("num_candidates", settings.numCandidates());
        knn.putObject("filter").putObject("bool").set("filter", filters(scope));
        return body;
    }

    /** Term filters on the tenant and knowledge base, then the scope's optional filter. */
    static ArrayNode filters(RetrievalScope scope) {
        ArrayNode filters = JSON.arrayNode();
        filters.add(ChunkIndex.term(TENANT, scope.tenant())).add(ChunkIndex.term(KNOWLEDGE_BASE, scope.knowledgeBase()));
        RetrievalFilter filter = scope.filter();
        if (!filter.documentIds().isEmpty()) {
            filters.add(terms(DOCUMENT_ID, filter.documentIds()));
        }
        if (!filter.fileTypes().isEmpty()) {
            filters.add(terms(FILE_TYPE, filter.fileTypes()));
        }
        if (filter.uploadedFrom() != null || filter.uploadedBefore() != null) {
            ObjectNode range = filters.addObject().putObject("range").putObject(UPLOADED_AT);
            if (filter.uploadedFrom() != null) {
                range.put("gte", filter.uploadedFrom().toEpochMilli());
            }
            if (filter.uploadedBefore() != null) {
                range.put("lt", filter.uploadedBefore().toEpochMilli());
            }
        }
        return filters;
    }

    private static ObjectNode terms(String field, List<String> values) {
        ObjectNode terms = JSON.objectNode();
        ArrayNode array = terms.putObject("terms").putArray(field);
        values.forEach(array::add);
        return terms;
    }

    private static ObjectNode base(int size) {
        ObjectNode body = JSON.objectNode();
        body.put("size", size);
        // vectors are 384 numbers per hit that nobody downstream reads
        body.putObject("_source").putArray("excludes").add(EMBEDDING);
        return body;
    }
}
