package dev.docflow.agent;

/**
 * The Flink cluster the ingestion jobs run on, as the service reaches it and as users do: they are
 * one address on one machine, two in containers, where the service calls {@code jobmanager:8081}
 * while browsers open the port published on the host.
 *
 * @param url {@code console.flink-dashboard-url}: the dashboard the console and the API link to
 * @param restUrl {@code console.flink-rest-url}: where the service reads the running jobs (Flink's
 *     REST API); the dashboard's address when not set
 */
public record FlinkDashboard(String url, String restUrl) {
    /** One address for both. */
    public static FlinkDashboard at(String url) {
        return new FlinkDashboard(url, url);
    }
}
