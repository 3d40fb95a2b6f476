package dev.docflow.agent.operations;

import java.util.List;
import java.util.Map;

/**
 * What {@code /ready} answers.
 *
 * @param status {@code ready}, {@code unavailable} (a server did not answer) or {@code stopping}
 *     (the service is shutting down: no check is made)
 * @param failed the servers that did not answer in time or answered with an error, in check order
 * @param checks each server's outcome: {@code ok}, {@code timeout} or {@code error} (empty while stopping)
 */
public record ReadinessReport(String status, List<String> failed, Map<String, String> checks) {
    public boolean ready() {
        return status.equals("ready");
    }
}
