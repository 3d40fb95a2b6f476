package dev.docflow.ingest.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * What Elasticsearch made of the items of one bulk request. An item refused with 429 or a 5xx
 * is a passing state of the cluster (busy, a shard moving): the request is worth sending again. Any
 * other 4xx (a mapping error, an immense term, a value the field cannot parse) is the document's
 * own: sending it again would be refused again. A delete of an id that is not there (404) is
 * what a delete wants, not a failure.
 *
 * @param retryable items that may succeed if sent again
 * @param rejection the first item refused for good, or null
 */
record BulkReply(int retryable, ItemFailure rejection) {

    /** One refused item: its id (null when the whole request was refused), HTTP status and Elasticsearch's error type and reason. */
    record ItemFailure(String id, int status, String type, String reason) {}

    static BulkReply read(JsonNode reply) {
        int retryable = 0;
        ItemFailure rejection = null;
        for (JsonNode item : reply.path("items")) {
            Iterator<Map.Entry<String, JsonNode>> actions = item.fields();
            if (!actions.hasNext()) {
                continue;
            }
            Map.Entry<String, JsonNode> action = actions.next();
            JsonNode result = action.getValue();
            int status = result.path("status").asInt();
            if (status < 300 || ("delete".equals(action.getKey()) && status == 404)) {
                continue;
            }
            if (isRetryable(status)) {
                retryable++;
            } else if (rejection == null) {
                JsonNode error = result.path("error");
                rejection = new ItemFailure(result.path("_id").asText(), status,
                        error.path("type").asText("unknown"), error.path("reason").asText(error.toString()));
            }
        }
        return new BulkReply(retryable, rejection);
    }

    /** Too many requests, or the server's own trouble. */
    static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }

    boolean succeeded() {
        return retryable == 0 && rejection == null;
    }
}
