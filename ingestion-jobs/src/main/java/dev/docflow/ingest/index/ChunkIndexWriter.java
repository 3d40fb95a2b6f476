package dev.docflow.ingest.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import dev.docflow.connectors.contract.ChunkIds;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.elasticsearch.ElasticsearchClients;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.EmbeddedChunk;
import dev.docflow.ingest.model.EmbeddedDocument;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one document's chunks to the chunk index, then deletes the chunks an older version of it
 * left behind, and returns only once Elasticsearch has acknowledged every write. Nothing is
 * buffered across documents: when {@link #write} returns, the document is in the index (its outcome
 * may be recorded), and when it throws {@link DocumentFailedException} none of its chunks is.
 *
 * <p>Failures are told apart by whose they are:
 * <ul>
 *   <li>refused for good (an item or the request answered with a 4xx such as
 *       {@code mapper_parsing_exception}, {@code illegal_argument_exception} or 413): the document's
 *       own. Its chunks are deleted (a half-written version is never cited) and
 *       {@link DocumentFailedException} names the chunk, the document and Elasticsearch's reason;</li>
 *   <li>busy or broken (429, a 5xx, unreachable): the cluster's. The write is sent again, with
 *       backoff, and after {@link #ATTEMPTS} attempts {@link ChunkIndexUnavailableException} is
 *       thrown, so the job restarts from its last checkpoint rather than failing good documents.</li>
 * </ul>
 * Writes carry explicit ids (document id + ordinal), so sending one again overwrites.
 *
 * <p>Not thread-safe: one per operator instance.
 */
public final class ChunkIndexWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkIndexWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Actions per bulk request; ~1,200 chunks/s were seen with 500 on this hardware. */
    static final int BULK_ACTIONS = 500;
    /** Bytes per bulk request, well under Elasticsearch's default {@code http.max_content_length} of 100 MB. */
    static final int BULK_BYTES = 8 << 20;
    /** Attempts of one bulk request before the index counts as unavailable: about 15 s of backoff. */
    static final int ATTEMPTS = 6;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** Bound on a failure message: Elasticsearch's reason may quote the value it refused. */
    private static final int MAX_MESSAGE_CHARS = 1_000;

    private final String alias;
    private final RestClient client;
    private final ChunkIndex index;
    private final EnglishTextAnalyzer english = new EnglishTextAnalyzer();
    private final BulkRequestListener listener;

    public ChunkIndexWriter(ElasticsearchSettings settings) {
        this(settings, BulkRequestListener.NONE);
    }

    public ChunkIndexWriter(ElasticsearchSettings settings, BulkRequestListener listener) {
        this.listener = listener;
        this.alias = settings.indexAlias();
        this.client = ElasticsearchClients.restClient(settings);
        this.index = new ChunkIndex(settings);
    }

    /**
     * Writes the document's chunks (ordinals {@code 0..n-1}) and deletes its chunks of ordinal
     * {@code n} or more: those below {@code chunksWrittenBefore} (what this writer's caller last
     * wrote for the document, possibly not yet visible to search) and those a search of the index
     * finds (what earlier runs wrote).
     *
     * @throws DocumentFailedException stage {@code index}: Elasticsearch refused a chunk for good
     * @throws ChunkIndexUnavailableException the index stayed busy or unreachable
     */
    public void write(EmbeddedDocument document, int chunksWrittenBefore) {
        String documentId = document.ref().documentId();
        BulkReply.ItemFailure rejection = null;
        List<String> batch = new ArrayList<>();
        int batchBytes = 0;
        for (EmbeddedChunk chunk : document.chunks()) {
            String action = indexAction(chunk);
            if (!batch.isEmpty() && (batch.size() == BULK_ACTIONS || batchBytes + action.length() > BULK_BYTES)) {
                rejection = send(batch, documentId);
                batch.clear();
                batchBytes = 0;
                if (rejection != null) {
                    break;
                }
            }
            batch.add(action);
            batchBytes += action.length();
        }
        if (rejection == null && !batch.isEmpty()) {
            rejection = send(batch, documentId);
        }
        if (rejection != null) {
            deleteChunks(staleIds(documentId, 0, Math.max(chunksWrittenBefore, document.chunks().length)), documentId);
            String what = rejection.id() == null ? "the chunks" : "chunk " + rejection.id();
            throw new DocumentFailedException(Stage.INDEX, rejection.status() == 413 ? FailureReason.TOO_LARGE : FailureReason.REJECTED,
                    bounded("Elasticsearch rejected " + what + " of document " + documentId + " ("
                            + rejection.status() + " " + rejection.type() + "): " + rejection.reason()), null);
        }
        deleteChunks(staleIds(documentId, document.chunks().length, chunksWrittenBefore), documentId);
    }

    /**
     * Removes every chunk of the document: ordinals below {@code knownEnd} by id (written, maybe
     * not yet visible to search) and whatever a search finds.
     *
     * @throws ChunkIndexUnavailableException the index stayed busy or unreachable
     */
    public void remove(String documentId, int knownEnd) {
        deleteChunks(staleIds(documentId, 0, knownEnd), documentId);
    }

    /** Ids of ordinal {@code from} or more: below {@code knownEnd} by count, and as the index has them. */
    private Set<String> staleIds(String documentId, int from, int knownEnd) {
        Set<String> ids = new LinkedHashSet<>();
        for (int ordinal = from; ordinal < knownEnd; ordinal++) {
            ids.add(ChunkIds.of(documentId, ordinal));
        }
        ids.addAll(withRetries(() -> index.chunkIdsFrom(documentId, from), documentId));
        return ids;
    }

    private void deleteChunks(Set<String> ids, String documentId) {
        List<String> batch = new ArrayList<>();
        for (String id : ids) {
            batch.add(deleteAction(id));
            if (batch.size() == BULK_ACTIONS) {
                warnIfRefused(send(batch, documentId), documentId);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            warnIfRefused(send(batch, documentId), documentId);
        }
    }

    private static void warnIfRefused(BulkReply.ItemFailure refused, String documentId) {
        if (refused != null) {
            // a delete refused for good leaves a stale chunk behind: worse would be to restart on it
            LOG.warn("stale chunk not deleted documentId={} stage=index chunkId={}: {} {}",
                    documentId, refused.id(), refused.type(), refused.reason());
        }
    }

    /** Sends one bulk request until every item is done or refused for good; the first refusal, or null. */
    private BulkReply.ItemFailure send(List<String> actions, String documentId) {
        String body = String.join("", actions);
        return withRetries(() -> {
            Request request = new Request("POST", "/" + alias + "/_bulk");
            request.setEntity(new NStringEntity(body, ContentType.create("application/x-ndjson", "UTF-8")));
            long start = System.nanoTime();
            try {
                Response response = client.performRequest(request);
                BulkReply reply = BulkReply.read(JSON.readTree(EntityUtils.toString(response.getEntity())));
                listener.bulkAnswered((System.nanoTime() - start) / 1_000_000);
                if (reply.rejection() != null) {
                    listener.bulkRejected();
                    return reply.rejection();
                }
                if (reply.retryable() > 0) {
                    throw retried(reply.retryable() + " items refused for now");
                }
                return null;
            } catch (ResponseException e) {
                listener.bulkAnswered((System.nanoTime() - start) / 1_000_000);
                int status = e.getResponse().getStatusLine().getStatusCode();
                if (BulkReply.isRetryable(status)) {
                    throw retried("bulk request answered " + e.getResponse().getStatusLine());
                }
                if (status == 400 || status == 413) {
                    // the request held this document's chunks only: it is the document that is refused
                    listener.bulkRejected();
                    return new BulkReply.ItemFailure(null, status, "http_" + status, e.getResponse().getStatusLine().toString());
                }
                throw new ChunkIndexUnavailableException("Elasticsearch refused a bulk request on " + alias + ": "
                        + e.getResponse().getStatusLine(), e);
            } catch (IOException e) {
                throw retried("Elasticsearch is unreachable: " + e.getMessage());
            }
        }, documentId);
    }

    private RetryableFailure retried(String why) {
        listener.bulkRetried();
        return new RetryableFailure(why);
    }

    private interface Attempt<T> {
        T run();
    }

    private static <T> T withRetries(Attempt<T> attempt, String documentId) {
        Duration backoff = FIRST_BACKOFF;
        for (int tries = 1; ; tries++) {
            try {
                return attempt.run();
            } catch (RetryableFailure | UncheckedIOException e) {
                if (tries == ATTEMPTS) {
                    throw new ChunkIndexUnavailableException("Elasticsearch stayed unavailable for " + ATTEMPTS
                            + " attempts while indexing document " + documentId + ": " + e.getMessage(), e);
                }
                LOG.info("index write retried documentId={} stage=index attempt={} in={}ms: {}",
                        documentId, tries, backoff.toMillis(), e.getMessage());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ChunkIndexUnavailableException("indexing of document " + documentId + " was interrupted", interrupted);
                }
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private String indexAction(EmbeddedChunk chunk) {
        ObjectNode action = JSON.createObjectNode();
        action.putObject("index").put("_id", chunk.id());
        try {
            return action + "\n" + JSON.writeValueAsString(ChunkDocuments.toSource(chunk, english)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chunk " + chunk.id() + " cannot be written as JSON", e);
        }
    }

    private static String deleteAction(String id) {
        ObjectNode action = JSON.createObjectNode();
        action.putObject("delete").put("_id", id);
        return action + "\n";
    }

    private static String bounded(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }

    /** A write Elasticsearch may accept if sent again. */
    private static final class RetryableFailure extends RuntimeException {
        RetryableFailure(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void close() {
        english.close();
        index.close();
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
