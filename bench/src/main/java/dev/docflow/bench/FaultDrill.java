package dev.docflow.bench;

import dev.docflow.cli.DocflowConfig;
import dev.docflow.cli.LocalDeployment;
import dev.docflow.connectors.contract.DocumentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.docflow.connectors.contract.ChunkFields;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import dev.docflow.ingest.runtime.LocalFlinkCluster;
import dev.docflow.localstack.EmbeddedStack;
import dev.docflow.localstack.StackSettings;
import dev.docflow.localstack.StackSettings.Server;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The fault bench: Docflow's own stack, Flink cluster, streaming job and agent service in a work
 * folder of their own, API clients uploading and chatting all along ({@link ApiLoad}), and one
 * outage after the other ({@link Fault}): Kafka, PostgreSQL, Elasticsearch and the S3 server
 * stopped and started again on their ports and data, then the streaming job's TaskManager killed and
 * a new one started. Afterwards every document the API accepted must be indexed with exactly its
 * chunk ids ({@link IndexAudit}).
 *
 * <p>An outage lasts until the clients have seen it (a few requests, 503s with its code when it has
 * one); the recovery time of a server is from the moment it answers again until an upload and a
 * chat have succeeded and a document has been indexed since: the API and the pipeline both work
 * again.
 */
final class FaultDrill {
    /** The knowledge base's tenant: the one whose key the deployment makes. */
    private static final String TENANT = DocflowConfig.DEMO_TENANT;
    private static final Duration SERVER_START_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration OUTAGE_SEEN_WITHIN = Duration.ofSeconds(90);
    private static final Duration RECOVERED_WITHIN = Duration.ofMinutes(5);
    private static final Duration DRAINED_WITHIN = Duration.ofMinutes(3);
    /** Requests the clients make during an outage before it ends; and 503s among them, when it has a code. */
    private static final int REQUESTS_PER_OUTAGE = 6;
    private static final int UNAVAILABLE_PER_OUTAGE = 2;

    /** What one outage did: how long it lasted, the errors clients got, how long the way back took. */
    record Phase(Fault fault, long requests, Map<String, Long> errors, long downMillis, long restartMillis,
            long recoveryMillis) {}

    /** The whole run. */
    record Result(List<Phase> phases, RequestTally tally, IndexAudit audit, double seconds) {
        String resultLine() {
            StringBuilder line = new StringBuilder("RESULT")
                    .append(" requests=").append(tally.requests())
                    .append(" errors_503=").append(tally.unavailable())
                    .append(" errors_other=").append(tally.otherErrors())
                    .append(" errors_503_without_retry_after=").append(tally.unavailableWithoutRetryAfter())
                    .append(" slowest_ms=").append(tally.slowestMillis())
                    .append(" documents=").append(audit.documents())
                    .append(" chunks=").append(audit.chunks())
                    .append(" lost=").append(audit.lost().size())
                    .append(" duplicated=").append(audit.duplicated().size());
            for (Phase phase : phases) {
                line.append(" recovery_ms_").append(phase.fault().label()).append('=').append(phase.recoveryMillis());
            }
            return line.append(String.format(java.util.Locale.ROOT, " seconds=%.1f", seconds)).toString();
        }

        /** Whether the run met the bar: no error but 503s, each with Retry-After, nothing lost or duplicated. */
        boolean passed() {
            return tally.otherErrors() == 0 && tally.unavailableWithoutRetryAfter() == 0 && audit.lost().isEmpty()
                    && audit.duplicated().isEmpty();
        }
    }

    private final DocflowConfig config;
    private final PrintStream out;
    private final AtomicReference<String> phase = new AtomicReference<>("warm-up");
    private final RequestTally tally = new RequestTally();

    /** @param config with the work folder the bench's own stack is to use */
    FaultDrill(DocflowConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    Result run() throws Exception {
        long startedAt = System.nanoTime();
        out.println("Starting a stack of its own in " + config.workDir() + " …");
        removeData(config.workDir());
        StackSettings settings = StackSettings.builder(config.workDir()).anyFreePorts()
                .elasticsearchHeap(config.elasticsearchHeap())
                // a restart competes with the load, the pipeline's catching up and whatever else the machine runs
                .startTimeout(SERVER_START_TIMEOUT).build();
        try (EmbeddedStack stack = EmbeddedStack.start(settings);
                LocalFlinkCluster flink = LocalFlinkCluster.start("0", 4);
                LocalDeployment deployment = LocalDeployment.over(config, stack.endpoints(), flink)) {
            int port = deployment.startAgent(0);
            deployment.startStreamingJob();
            String knowledgeBase = "faults-" + Long.toString(System.currentTimeMillis(), 36);
            createKnowledgeBase(port, deployment.demoKey(), knowledgeBase);
            KnowledgeBase kb = deployment.database().knowledgeBases().find(TENANT, knowledgeBase).orElseThrow();
            List<Phase> phases = new ArrayList<>();
            IndexAudit audit;
            try (ChunkIndex index = new ChunkIndex(deployment.elasticsearchSettings())) {
                ApiLoad load = new ApiLoad(port, deployment.demoKey(), knowledgeBase, phase::get, tally);
                load.start();
                try {
                    awaitRecovery(deployment, kb, System.nanoTime(), "warm-up");
                    for (Fault fault : Fault.values()) {
                        phases.add(outage(fault, stack, flink, deployment, kb, load));
                        out.println(describe(phases.get(phases.size() - 1)));
                    }
                    phase.set("drain");
                    until(DRAINED_WITHIN, () -> !load.retrying(), "the last upload to be accepted");
                } finally {
                    load.close();
                }
                List<String> accepted = load.accepted();
                out.println("Waiting for the " + accepted.size() + " accepted documents to be indexed …");
                untilQuietly(DRAINED_WITHIN, () -> allSettled(deployment, kb, accepted));
                index.refresh();
                audit = IndexAudit.of(accepted, KnowledgeBaseContents.rows(deployment.database(), kb),
                        KnowledgeBaseContents.chunkIds(index, TENANT, knowledgeBase));
            }
            return new Result(phases, tally, audit, (System.nanoTime() - startedAt) / 1e9);
        }
    }

    private Phase outage(Fault fault, EmbeddedStack stack, LocalFlinkCluster flink, LocalDeployment deployment,
            KnowledgeBase kb, ApiLoad load) throws Exception {
        String name = fault.label();
        out.println("Outage: " + name + " …");
        long downAt = System.nanoTime();
        phase.set(name);
        switch (fault) {
            case KAFKA -> stack.stop(Server.KAFKA);
            case POSTGRES -> stack.stop(Server.POSTGRES);
            case ELASTICSEARCH -> stack.stop(Server.ELASTICSEARCH);
            case S3 -> stack.stop(Server.S3);
            case TASK_MANAGER -> flink.miniCluster().terminateTaskManager(0).get();
        }
        int before = load.accepted().size();
        until(OUTAGE_SEEN_WITHIN, () -> tally.count(request -> request.phase().equals(name)) >= REQUESTS_PER_OUTAGE
                && (fault.unavailableCode() == null || tally.count(request -> request.phase().equals(name)
                        && fault.unavailableCode().equals(request.code())) >= UNAVAILABLE_PER_OUTAGE)
                && (!fault.acceptsUploads() || load.accepted().size() > before), "clients to see the " + name + " outage");
        long restartingAt = System.nanoTime();
        switch (fault) {
            case KAFKA -> stack.restart(Server.KAFKA);
            case POSTGRES -> stack.restart(Server.POSTGRES);
            case ELASTICSEARCH -> stack.restart(Server.ELASTICSEARCH);
            case S3 -> stack.restart(Server.S3);
            case TASK_MANAGER -> flink.miniCluster().startTaskManager();
        }
        long upAt = System.nanoTime();
        String recovering = name + "-recovery";
        phase.set(recovering);
        long requests = tally.count(request -> request.phase().equals(name));
        Map<String, Long> errors = tally.errorsByCode(name);
        long recovery = awaitRecovery(deployment, kb, upAt, recovering);
        return new Phase(fault, requests, errors, (upAt - downAt) / 1_000_000, (upAt - restartingAt) / 1_000_000, recovery);
    }

    /**
     * Waits until the API and the pipeline work again after {@code since}: in phase {@code
     * phaseName} an upload was accepted and a chat answered, and a document was indexed (its
     * outcome recorded) after {@code since}.
     *
     * @return milliseconds from {@code since}
     */
    private long awaitRecovery(LocalDeployment deployment, KnowledgeBase kb, long since, String phaseName) {
        Instant sinceInstant = Instant.now().minusNanos(System.nanoTime() - since);
        until(RECOVERED_WITHIN, () -> succeeded(phaseName, "chat") && succeeded(phaseName, "upload")
                && indexedSince(deployment, kb, sinceInstant), "an upload, a chat and an indexing to succeed (" + phaseName + ")");
        return (System.nanoTime() - since) / 1_000_000;
    }

    private boolean succeeded(String phaseName, String kind) {
        return tally.count(request -> request.phase().equals(phaseName) && request.kind().equals(kind) && request.succeeded()) > 0;
    }

    private static boolean indexedSince(LocalDeployment deployment, KnowledgeBase kb, Instant since) {
        return deployment.database().documents().listByKnowledgeBase(kb.id()).stream()
                .anyMatch(row -> row.status() == DocumentStatus.INDEXED && row.updatedAt().toInstant().isAfter(since));
    }

    private static boolean allSettled(LocalDeployment deployment, KnowledgeBase kb, List<String> ids) {
        Map<String, IndexAudit.Row> rows = KnowledgeBaseContents.rows(deployment.database(), kb);
        return ids.stream().allMatch(id -> rows.containsKey(id) && Set.of(DocumentStatus.INDEXED.code(), DocumentStatus.FAILED.code()).contains(rows.get(id).status()));
    }

    private static void createKnowledgeBase(int port, String key, String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/knowledge-bases"))
                .header("content-type", "application/json").header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating knowledge base " + name + " answered " + response.statusCode()
                    + ": " + response.body());
        }
    }

    static String describe(Phase phase) {
        return String.format(java.util.Locale.ROOT, "  %-13s down %6d ms (restart %6d ms)  requests %4d  errors %s  recovered in %6d ms",
                phase.fault().label(), phase.downMillis(), phase.restartMillis(), phase.requests(),
                phase.errors().isEmpty() ? "none" : phase.errors().entrySet().stream()
                        .map(entry -> entry.getKey() + " ×" + entry.getValue()).collect(Collectors.joining(", ")),
                phase.recoveryMillis());
    }

    /**
     * Deletes what an earlier run left in the servers' data folders (the Elasticsearch distribution
     * stays): its events would still be waiting in the topic, and the job would work through them
     * before the first document of this run.
     */
    private static void removeData(Path workDir) throws IOException {
        for (String data : List.of("elasticsearch/data", "postgres/data", "postgres/credentials", "kafka/data", "s3/data")) {
            Path path = workDir.resolve(data);
            if (!Files.exists(path)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(path)) {
                for (Path each : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(each);
                }
            }
        }
    }

    /** Polls {@code condition} every 100 ms; fails naming {@code what} past {@code timeout}. */
    private static void until(Duration timeout, BooleanSupplier condition, String what) {
        if (!untilQuietly(timeout, condition)) {
            throw new IllegalStateException("gave up waiting " + timeout.toSeconds() + " s for " + what);
        }
    }

    /** As {@link #until}, returning false instead of failing; a condition that throws counts as not yet. */
    private static boolean untilQuietly(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a server still coming back: ask again
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
