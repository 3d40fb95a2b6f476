package dev.docflow.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Replies in the shape of Elasticsearch's bulk API. */
class BulkReplyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anImmenseTermIsARejectionForGoodNamingTheChunk() throws Exception {
        BulkReply reply = BulkReply.read(JSON.readTree("""
                {"errors":true,"items":[
                 {"index":{"_index":"c-v1","_id":"d:0","status":201,"result":"created"}},
                 {"index":{"_index":"c-v1","_id":"d:1","status":400,"error":{"type":"illegal_argument_exception",
                   "reason":"Document contains at least one immense term in field=\\"part_path\\""}}}]}"""));

        assertThat(reply.succeeded()).isFalse();
        assertThat(reply.retryable()).isZero();
        assertThat(reply.rejection()).isEqualTo(new BulkReply.ItemFailure("d:1", 400, "illegal_argument_exception",
                "Document contains at least one immense term in field=\"part_path\""));
    }

    @Test
    void aBusyOrBrokenShardIsWorthSendingAgain() throws Exception {
        BulkReply reply = BulkReply.read(JSON.readTree("""
                {"errors":true,"items":[
                 {"index":{"_id":"d:0","status":429,"error":{"type":"es_rejected_execution_exception","reason":"queue full"}}},
                 {"index":{"_id":"d:1","status":503,"error":{"type":"unavailable_shards_exception","reason":"primary not active"}}}]}"""));

        assertThat(reply.succeeded()).isFalse();
        assertThat(reply.retryable()).isEqualTo(2);
        assertThat(reply.rejection()).isNull();
    }

    @Test
    void aDeleteOfAMissingChunkIsWhatTheDeleteWanted() throws Exception {
        BulkReply reply = BulkReply.read(JSON.readTree("""
                {"errors":false,"items":[
                 {"delete":{"_id":"d:7","status":404,"result":"not_found"}},
                 {"delete":{"_id":"d:8","status":200,"result":"deleted"}}]}"""));

        assertThat(reply.succeeded()).isTrue();
    }

    @Test
    void aMissingIndexOnPutIsNotMistakenForASuccess() throws Exception {
        BulkReply reply = BulkReply.read(JSON.readTree("""
                {"errors":true,"items":[{"index":{"_id":"d:0","status":404,"error":{"type":"index_not_found_exception","reason":"no such index"}}}]}"""));

        assertThat(reply.rejection().type()).isEqualTo("index_not_found_exception");
    }

    @Test
    void onlyTooManyRequestsAndServerErrorsAreRetryable() {
        assertThat(BulkReply.isRetryable(429)).isTrue();
        assertThat(BulkReply.isRetryable(500)).isTrue();
        assertThat(BulkReply.isRetryable(503)).isTrue();
        assertThat(BulkReply.isRetryable(400)).isFalse();
        assertThat(BulkReply.isRetryable(409)).isFalse();
        assertThat(BulkReply.isRetryable(413)).isFalse();
    }
}
