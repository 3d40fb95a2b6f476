package dev.docflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTallyTest {

    @Test
    void countsSuccessesUnavailableAndOtherErrorsApart() {
        RequestTally tally = new RequestTally();
        tally.record(new RequestTally.Request("warm-up", "chat", 200, null, false, 40));
        tally.record(new RequestTally.Request("elasticsearch", "chat", 503, "search_unavailable", true, 12));
        tally.record(new RequestTally.Request("elasticsearch", "chat", 503, "search_unavailable", false, 15));
        tally.record(new RequestTally.Request("postgres", "upload", 500, "internal_error", false, 30));
        tally.record(new RequestTally.Request("postgres", "status", RequestTally.NO_ANSWER, "HttpTimeoutException", false, 30_000));

        assertThat(tally.requests()).isEqualTo(5);
        assertThat(tally.unavailable()).isEqualTo(2);
        assertThat(tally.unavailableWithoutRetryAfter()).isEqualTo(1);
        assertThat(tally.otherErrors()).isEqualTo(2);
        assertThat(tally.slowestMillis()).isEqualTo(30_000);
        assertThat(tally.errorsByCode()).containsExactly(
                org.assertj.core.api.Assertions.entry("500 internal_error", 1L),
                org.assertj.core.api.Assertions.entry("503 search_unavailable", 2L),
                org.assertj.core.api.Assertions.entry("no_answer", 1L));
        assertThat(tally.errorsByCode("elasticsearch")).containsOnlyKeys("503 search_unavailable");
        assertThat(tally.errorsByCode("warm-up")).isEmpty();
    }
}
