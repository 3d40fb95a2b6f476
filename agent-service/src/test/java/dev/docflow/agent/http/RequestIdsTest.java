package dev.docflow.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void aCallersSensibleIdIsKept() {
        assertThat(RequestIds.accepted("b7f3c2e0-1a2b-4c5d-8e9f-0a1b2c3d4e5f")).isEqualTo("b7f3c2e0-1a2b-4c5d-8e9f-0a1b2c3d4e5f");
        assertThat(RequestIds.accepted("lb:edge-1.trace_42")).isEqualTo("lb:edge-1.trace_42");
    }

    @Test
    void anAbsentLongOrForgingIdIsReplacedByANewOne() {
        for (String offered : new String[] {null, "", "x".repeat(129), "id\r\nX-Injected: yes", "id\nlevel=ERROR", "a b",
                "{\"json\":1}"}) {
            String id = RequestIds.accepted(offered);
            assertThat(id).as("offered %s", offered).isNotEqualTo(offered).matches("[0-9a-f-]{36}");
        }
    }
}
