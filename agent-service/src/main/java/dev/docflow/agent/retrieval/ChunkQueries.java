package dev.docflow.agent.retrieval;

import static dev.docflow.connectors.contract.ChunkFields.CHUNK_ID;
import static dev.docflow.connectors.contract.ChunkFields.DOCUMENT_ID;
import static dev.docflow.connectors.contract.ChunkFields.EMBEDDING;
import static dev.docflow.connectors.contract.ChunkFields.EMBEDDING_MODEL;
import static dev.docflow.connectors.contract.ChunkFields.FILE_TYPE;
import static dev.docflow.connectors.contract.ChunkFields.HEADING_PATH;
import static dev.docflow.connectors.contract.ChunkFields.KNOWLEDGE_BASE;
import static dev.docflow.connectors.contract.ChunkFields.KNOWLEDGE_BASE_ID;
import static dev.docflow.connectors.contract.ChunkFields.TENANT;
import static dev.docflow.connectors.contract.ChunkFields.TEXT;
import static dev.docflow.connectors.contract.ChunkFields.TEXT_STEMMED;
import static dev.docflow.connectors.contract.ChunkFields.TITLE;
import static dev.docflow.connectors.contract.ChunkFields.UPLOADED_AT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
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

    /** BM25 with the heading path as heavy as the text and no title: as before the boosts were settings. */
    public static ObjectNode bm25(Question question, RetrievalScope scope, int size) {
        return bm25(question, scope, size, RetrievalSettings.DEFAULT_HEADING_BOOST, 0);
    }

    /**
     * BM25: the question against the exact text, the heading path and the title (each field with
     * its boost; a boost of 0 leaves the field out), and its stemmed terms against the Java-stemmed
     * text; a chunk must match at least one. The fields are scored as one {@code best_fields}
     * {@code multi_match}: the best field counts, so a heading that repeats the passage's words does
     * not count twice.
     */
    public static ObjectNode bm25(Question question, RetrievalScope scope, int size, double headingBoost, double titleBoost) {
        ObjectNode body = base(size);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.set("filter", filters(scope));
        ArrayNode should = bool.putArray("should");
        ObjectNode multiMatch = should.addObject().putObject("multi_match");
        multiMatch.put("query", question.text());
        ArrayNode fields = multiMatch.putArray("fields").add(TEXT);
        if (headingBoost > 0) {
            fields.add(boosted(HEADING_PATH, headingBoost));
        }
        if (titleBoost > 0) {
            fields.add(boosted(TITLE, titleBoost));
        }
        if (!question.terms().isEmpty()) {
            should.addObject().putObject("match").putObject(TEXT_STEMMED).put("query", question.stemmedText());
        }
        bool.put("minimum_should_match", 1);
        return body;
    }

    private static String boosted(String field, double boost) {
        return boost == 1 ? field : field + "^" + boost;
    }

    /**
     * Approximate kNN on the embedding, filtered inside the HNSW search (not after it), over the
     * chunks embedded by the settings' model only.
     */
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
        ArrayNode filters = filters(scope);
        filters.add(embeddedBy(settings.embeddingModel()));
        knn.putObject("filter").putObject("bool").set("filter", filters);
        return body;
    }

    /** Chunks of the model; chunks indexed before the field existed were all embedded by the earlier default. */
    static ObjectNode embeddedBy(EmbeddingModelChoice model) {
        ObjectNode term = ChunkIndex.term(EMBEDDING_MODEL, model.id());
        if (model != EmbeddingModelChoice.LEGACY_DEFAULT) {
            return term;
        }
        ObjectNode either = JSON.objectNode();
        ArrayNode should = either.putObject("bool").putArray("should");
        should.add(term);
        should.addObject().putObject("bool").putObject("must_not").putObject("exists").put("field", EMBEDDING_MODEL);
        either.with("bool").put("minimum_should_match", 1);
        return either;
    }

    /** The chunks of one document with these ordinals (the neighbours of cited chunks). */
    public static ObjectNode byIds(RetrievalScope scope, List<String> chunkIds) {
        ObjectNode body = base(chunkIds.size());
        ObjectNode bool = body.putObject("query").putObject("bool");
        ArrayNode filters = filters(scope);
        filters.add(terms(CHUNK_ID, chunkIds));
        bool.set("filter", filters);
        return body;
    }

    /** Term filters on the tenant and knowledge base, then the scope's optional filter. */
    static ArrayNode filters(RetrievalScope scope) {
        ArrayNode filters = JSON.arrayNode();
        filters.add(ChunkIndex.term(TENANT, scope.tenant())).add(ofKnowledgeBase(scope));
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

    /**
     * The knowledge base by its id; a chunk indexed before the id field existed, by its name (it
     * can only be the current knowledge base's: deleting one deletes its chunks by name first).
     */
    static ObjectNode ofKnowledgeBase(RetrievalScope scope) {
        ObjectNode byName = ChunkIndex.term(KNOWLEDGE_BASE, scope.knowledgeBase());
        if (scope.knowledgeBaseId() == null) {
            return byName;
        }
        ObjectNode legacy = JSON.objectNode();
        ObjectNode legacyBool = legacy.putObject("bool");
        legacyBool.putArray("filter").add(byName);
        legacyBool.putArray("must_not").addObject().putObject("exists").put("field", KNOWLEDGE_BASE_ID);
        ObjectNode either = JSON.objectNode();
        ObjectNode bool = either.putObject("bool");
        bool.putArray("should").add(ChunkIndex.term(KNOWLEDGE_BASE_ID, scope.knowledgeBaseId())).add(legacy);
        bool.put("minimum_should_match", 1);
        return either;
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
