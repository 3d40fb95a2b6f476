package dev.docflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Every API request the fault bench made, with the phase it fell in (an outage, or between them):
 * what it was, what came back, how long it took. Thread-safe.
 */
public final class RequestTally {
    /** The status recorded when no HTTP answer came at all (refused, reset, or past the client's timeout). */
    public static final int NO_ANSWER = -1;

    /**
     * One request.
     *
     * @param kind {@code upload}, {@code chat}, {@code status}
     * @param status the HTTP status, or {@link #NO_ANSWER}
     * @param code the error body's {@code error.code}; null for a success
     * @param retryAfter whether a {@code Retry-After} header came with it
     */
    public record Request(String phase, String kind, int status, String code, boolean retryAfter, long millis) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        public boolean unavailable() {
            return status == 503;
        }

        /** How it is counted in "errors by code": {@code 503 search_unavailable}, {@code 500 internal_error}, {@code no_answer}. */
        public String label() {
            return status == NO_ANSWER ? "no_answer" : status + " " + (code == null ? "-" : code);
        }
    }

    private final List<Request> requests = new ArrayList<>();

    public synchronized void record(Request request) {
        requests.add(request);
    }

    public synchronized List<Request> all() {
        return List.copyOf(requests);
    }

    public synchronized long count(Predicate<Request> which) {
        return requests.stream().filter(which).count();
    }

    public long requests() {
        return count(request -> true);
    }

    /** Answered 503: the one error an outage may cause. */
    public long unavailable() {
        return count(Request::unavailable);
    }

    /** Neither a success nor a 503: a 500, a 4xx, or no answer at all. A fault must cause none. */
    public long otherErrors() {
        return count(request -> !request.succeeded() && !request.unavailable());
    }

    /** 503s that did not say when to come back. */
    public long unavailableWithoutRetryAfter() {
        return count(request -> request.unavailable() && !request.retryAfter());
    }

    public synchronized long slowestMillis() {
        return requests.stream().mapToLong(Request::millis).max().orElse(0);
    }

    /** Failed requests by {@link Request#label()}, sorted. */
    public synchronized Map<String, Long> errorsByCode() {
        Map<String, Long> errors = new TreeMap<>();
        requests.stream().filter(request -> !request.succeeded())
                .forEach(request -> errors.merge(request.label(), 1L, Long::sum));
        return errors;
    }

    /** Failed requests of one phase by label, sorted: what one outage looked like to clients. */
    public synchronized Map<String, Long> errorsByCode(String phase) {
        Map<String, Long> errors = new TreeMap<>();
        requests.stream().filter(request -> request.phase().equals(phase) && !request.succeeded())
                .forEach(request -> errors.merge(request.label(), 1L, Long::sum));
        return errors;
    }
}
