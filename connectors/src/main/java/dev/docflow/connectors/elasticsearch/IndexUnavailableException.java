package dev.docflow.connectors.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Elasticsearch could not be reached, or answered that it cannot serve now (429, 502, 503, 504:
 * starting, recovering shards, overloaded): a request may succeed later as it is. Other failures
 * (a 400 for a bad query, a 404 for a missing index) stay plain {@link UncheckedIOException}s.
 */
public class IndexUnavailableException extends UncheckedIOException {
    public IndexUnavailableException(String message, IOException cause) {
        super(message, cause);
    }

    /** Whether an HTTP status from Elasticsearch means "not now" rather than "not this". */
    public static boolean isTransient(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
