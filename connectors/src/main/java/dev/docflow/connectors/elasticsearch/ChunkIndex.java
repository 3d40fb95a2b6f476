package dev.docflow.connectors.elasticsearch;

import static dev.docflow.connectors.contract.ChunkFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * Administration and reads of the chunk index through its alias. Every request body is built as
 * a Jackson tree, so user text only ever travels as a JSON string value.
 *
 * <p>Not thread-safe to close while in use; otherwise safe to share.
 */
public final class ChunkIndex implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Above any realistic chunk count of one document; searches for stale chunks page no further. */
    private static final int MAX_CHUNKS_PER_LOOKUP = 10_000;

    private final ElasticsearchSettings settings;
    private final RestClient client;

    public ChunkIndex(ElasticsearchSettings settings) {
        this.settings = settings;
        this.client = ElasticsearchClients.restClient(settings);
    }

    public String alias() {
        return settings.indexAlias();
    }

    /** Whether the alias (and so an index behind it) exists. */
    public boolean exists() {
        return exists("/_alias/" + alias());
    }

    /** Chunks in the index, of every tenant. */
    public long countAll() {
        return send("POST", "/" + alias() + "/_count", null).path("count").asLong();
    }

    /** Creates the versioned index behind the alias unless the alias already exists. Idempotent. */
    public void ensureExists() {
        if (exists()) {
            // fields added since the index was made; a changed field would fail here, loudly
            ObjectNode mapping = JSON.createObjectNode();
            mapping.set("properties", ChunkIndexMapping.properties());
            send("PUT", "/" + alias() + "/_mapping", mapping);
            return;
        }
        String index = ChunkIndexMapping.indexName(alias());
        ObjectNode body = ChunkIndexMapping.body();
        body.putObject("aliases").putObject(alias());
        try {
            send("PUT", "/" + index, body);
        } catch (UncheckedIOException e) {
            // another process created it between our check and our PUT
            if (!exists("/_alias/" + alias())) {
                throw e;
            }
        }
    }

    /** Makes recent writes visible to search (tests and the end of a bulk job). */
    public void refresh() {
        send("POST", "/" + alias() + "/_refresh", null);
    }

    public long countChunks(String tenant, String knowledgeBase, String documentId) {
        ObjectNode body = JSON.createObjectNode();
        body.set("query", filterQuery(tenant, knowledgeBase, documentId));
        return send("POST", "/" + alias() + "/_count", body).path("count").asLong();
    }

    public long countChunks(String tenant, String knowledgeBase) {
        ObjectNode body = JSON.createObjectNode();
        body.set("query", filterQuery(tenant, knowledgeBase, null));
        return send("POST", "/" + alias() + "/_count", body).path("count").asLong();
    }

    /**
     * Ids of a document's chunks whose ordinal is at least {@code fromOrdinal}: what is left of an
     * older, longer version after the new version wrote ordinals {@code 0..fromOrdinal-1}.
     */
    public List<String> chunkIdsFrom(String documentId, int fromOrdinal) {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", MAX_CHUNKS_PER_LOOKUP).put("_source", false);
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("filter")
                .add(term(DOCUMENT_ID, documentId))
                .add(JSON.createObjectNode().set("range",
                        JSON.createObjectNode().set(ORDINAL, JSON.createObjectNode().put("gte", fromOrdinal))));
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : search(body).path("hits").path("hits")) {
            ids.add(hit.path("_id").asText());
        }
        return ids;
    }

    /**
     * Deletes the chunks of one document, or of the whole knowledge base when {@code documentId}
     * is null, and makes the deletion visible to search before returning. Every chunk whose write
     * was acknowledged before the call is found (the index is refreshed first). Ids are looked up and
     * deleted in bulk, batch by batch: {@code _delete_by_query} needs the reindex module, which a
     * minimal Elasticsearch (the embedded one) lacks.
     *
     * @return chunks deleted
     */
    public long deleteChunks(String tenant, String knowledgeBase, String documentId) {
        // search sees a write only after a refresh: without this, chunks the index stage wrote just
        // before a delete (acknowledged, not yet refreshed) would be missed and stay behind
        refresh();
        long deleted = 0;
        while (true) {
            ObjectNode search = JSON.createObjectNode();
            search.put("size", MAX_CHUNKS_PER_LOOKUP).put("_source", false);
            search.set("query", filterQuery(tenant, knowledgeBase, documentId));
            JsonNode hits = search(search).path("hits").path("hits");
            if (hits.isEmpty()) {
                return deleted;
            }
            StringBuilder bulk = new StringBuilder();
            for (JsonNode hit : hits) {
                bulk.append("{\"delete\":{\"_id\":").append(hit.path("_id").toString()).append("}}\n");
            }
            Request request = new Request("POST", "/" + alias() + "/_bulk?refresh=true");
            request.setEntity(new org.apache.http.nio.entity.NStringEntity(bulk.toString(),
                    org.apache.http.entity.ContentType.create("application/x-ndjson")));
            try {
                client.performRequest(request);
            } catch (IOException e) {
                throw failure("bulk delete on " + alias(), e);
            }
            deleted += hits.size();
        }
    }

    /** Runs a search built by the caller (as a JSON tree) against the alias. */
    public JsonNode search(ObjectNode body) {
        return send("POST", "/" + alias() + "/_search", body);
    }

    /** A bool filter for tenant, knowledge base and, when not null, one document. */
    public static ObjectNode filterQuery(String tenant, String knowledgeBase, String documentId) {
        ObjectNode bool = JSON.createObjectNode();
        var filter = bool.putArray("filter").add(term(TENANT, tenant)).add(term(KNOWLEDGE_BASE, knowledgeBase));
        if (documentId != null) {
            filter.add(term(DOCUMENT_ID, documentId));
        }
        ObjectNode query = JSON.createObjectNode();
        query.set("bool", bool);
        return query;
    }

    public static ObjectNode term(String field, String value) {
        ObjectNode term = JSON.createObjectNode();
        term.putObject("term").put(field, value);
        return term;
    }

    private boolean exists(String path) {
        try {
            Response response = client.performRequest(new Request("HEAD", path));
            return response.getStatusLine().getStatusCode() == 200;
        } catch (ResponseException e) {
            if (e.getResponse().getStatusLine().getStatusCode() == 404) {
                return false;
            }
            throw failure("HEAD " + path, e);
        } catch (IOException e) {
            throw failure("HEAD " + path, e);
        }
    }

    private JsonNode send(String method, String path, ObjectNode body) {
        Request request = new Request(method, path);
        if (body != null) {
            request.setJsonEntity(body.toString());
        }
        try {
            Response response = client.performRequest(request);
            return JSON.readTree(EntityUtils.toString(response.getEntity()));
        } catch (IOException e) {
            throw failure(method + " " + path, e);
        }
    }

    /**
     * {@link IndexUnavailableException} when Elasticsearch is unreachable or answers "not now"
     * (a restarted node answers 503 until its shards are back), a plain {@link UncheckedIOException}
     * for any other answer.
     */
    private UncheckedIOException failure(String request, IOException e) {
        if (e instanceof ResponseException response) {
            int status = response.getResponse().getStatusLine().getStatusCode();
            String message = "Elasticsearch " + request + " failed: " + response.getResponse().getStatusLine();
            return IndexUnavailableException.isTransient(status)
                    ? new IndexUnavailableException(message, e) : new UncheckedIOException(message, e);
        }
        return new IndexUnavailableException("Elasticsearch at " + settings.url() + " is unreachable: " + request, e);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
