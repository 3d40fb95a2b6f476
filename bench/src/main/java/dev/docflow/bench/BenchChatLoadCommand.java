package dev.docflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.docflow.agent.AgentApp;
import dev.docflow.agent.retrieval.PassageRanking;
import dev.docflow.agent.retrieval.RetrievalMode;
import dev.docflow.bench.harness.BenchFigures;
import dev.docflow.bench.harness.BenchRecord;
import dev.docflow.bench.harness.Latencies;
import dev.docflow.bench.harness.MachineLoad;
import dev.docflow.bench.ingest.ReplicatedCorpus;
import dev.docflow.bench.load.LoadClient;
import dev.docflow.bench.load.PrometheusText;
import dev.docflow.cli.DocflowConfig;
import dev.docflow.cli.KnowledgeBaseIngestion;
import dev.docflow.cli.LocalDeployment;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.ingest.embed.SharedEmbeddingModel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "chat-load", mixinStandardHelpOptions = true,
        description = {"Chat under load, extractive mode: an index of at least --chunks chunks (copies of DIR, default the six",
            "R manuals, 2,385 chunks a copy, ingested into knowledge base 'bench-chat' of the demo tenant; again only when",
            "the copies changed), the agent service in this process on 127.0.0.1, and a Java load client sending the",
            "dev set's questions of that corpus at each concurrency (default 1, 8, 32) for --seconds each (default 60),",
            "at most --max-requests per level. Per level: p50/p95/p99 and answers/s of the answered requests, errors by",
            "status (429: the service's chat.max-concurrent-answers-per-tenant shedding load), and where a request's time",
            "went from the service's own timers on /metrics (retrieval: question embedding and searches; answer:",
            "sentence scoring; the rest: database reads, link signing, HTTP). Before the load, one question at a time",
            "in-process: the question's embedding, the BM25 search, the kNN search, hybrid. Ends with",
            "'RESULT p50_ms_c8=… p95_ms_c8=… rps_c8=… errors=… chunks=…'."})
final class BenchChatLoadCommand implements Callable<Integer> {
    static final String KNOWLEDGE_BASE = "bench-chat";
    static final int CHUNKS_PER_R_COPY = 2_385;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocflowConfig config;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder whose copies make the index.")
    Path folder;

    @Option(names = "--chunks", paramLabel = "C", defaultValue = "50000",
            description = "Chunks the index should hold at least (copies: C / 2,385, rounded up; default ${DEFAULT-VALUE}).")
    int chunks;

    @Option(names = "--concurrency", paramLabel = "N[,N…]", split = ",", defaultValue = "1,8,32",
            description = "Levels of load (default ${DEFAULT-VALUE}).")
    List<Integer> levels;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "Seconds per level (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--max-requests", paramLabel = "R", defaultValue = "20000",
            description = "Requests per level at most (default ${DEFAULT-VALUE}).")
    int maxRequests;

    @Option(names = "--questions", paramLabel = "FILE",
            description = "Questions, one JSON object a line (default: the dev set); those of corpus manuals/r when it has them.")
    Path questionsFile;

    BenchChatLoadCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        Path shared = config.home().resolveSibling("shared");
        Path source = folder != null ? folder : shared.resolve("corpus/manuals/r");
        int copies = Math.max(1, (int) Math.ceil(chunks / (double) CHUNKS_PER_R_COPY));
        List<String> questions = questions(questionsFile != null ? questionsFile : shared.resolve("eval/questions-dev.jsonl"));
        BenchFigures figures = new BenchFigures("chat-load", "Chat under load (extractive)", Instant.now(), MachineLoad.now());
        String tenant = DocflowConfig.DEMO_TENANT;
        long indexed;
        try (LocalDeployment deployment = LocalDeployment.attachOrStart(config, System.out)) {
            Path corpus = ReplicatedCorpus.of(source, copies, config.workDir().resolve("bench/corpus-chat"));
            Path record = config.workDir().resolve("bench").resolve(KNOWLEDGE_BASE + ".fingerprint");
            if (CorpusFingerprint.matches(record, corpus)) {
                System.out.println("Knowledge base " + KNOWLEDGE_BASE + " is up to date with " + copies + " copies of " + source);
            } else {
                dev.docflow.bench.ingest.KnowledgeBaseReset.reset(deployment, tenant, KNOWLEDGE_BASE);
                new KnowledgeBaseIngestion(deployment, System.out).ingest(tenant, KNOWLEDGE_BASE, List.of(corpus));
                CorpusFingerprint.save(record, corpus);
            }
            try (ChunkIndex index = new ChunkIndex(deployment.elasticsearchSettings())) {
                index.refresh();
                indexed = index.countChunks(tenant, KNOWLEDGE_BASE);
            }
            System.out.printf(Locale.ROOT, "Index: %,d chunks in %s (%d copies of %s)%n", indexed, KNOWLEDGE_BASE, copies, source);
            figures.note("chunks", String.valueOf(indexed)).note("copies", String.valueOf(copies))
                    .note("questions", String.valueOf(questions.size())).note("seconds_per_level", String.valueOf(seconds));

            AgentApp agent = deployment.startAgentApp(0);
            String key = deployment.demoKey();
            breakdownOneAtATime(agent.passageRanking(), tenant, questions, figures);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI chat = URI.create("http://127.0.0.1:" + agent.port() + "/api/chat");
            URI metrics = URI.create("http://127.0.0.1:" + agent.port() + "/metrics");
            ask(http, chat, key, questions.get(0)); // warm: the first answer loads what later ones reuse
            int totalErrors = 0;
            for (int concurrency : levels) {
                String before = scrape(http, metrics);
                LoadClient.Result result = new LoadClient(concurrency, Duration.ofSeconds(seconds), maxRequests)
                        .run(sequence -> ask(http, chat, key, questions.get(sequence % questions.size())));
                String after = scrape(http, metrics);
                totalErrors += result.errors();
                Latencies l = result.latencies();
                double answered = delta(before, after, "docflow_chat_answer_seconds_count");
                double retrievalMs = perRequestMs(before, after, "docflow_chat_retrieval_seconds", answered);
                double answerMs = perRequestMs(before, after, "docflow_chat_answer_seconds", answered);
                Map<String, Double> row = new LinkedHashMap<>();
                row.put("requests", (double) result.requests());
                row.put("answered", (double) result.answered());
                row.put("rps", result.answeredPerSecond());
                row.put("p50_ms", l.percentile(50));
                row.put("p95_ms", l.percentile(95));
                row.put("p99_ms", l.percentile(99));
                row.put("mean_ms", l.mean());
                row.put("errors", (double) result.errors());
                row.put("retrieval_ms", retrievalMs);
                row.put("answer_ms", answerMs);
                row.put("rest_ms", Math.max(0, l.mean() - retrievalMs - answerMs));
                figures.row("concurrency " + concurrency, row);
                System.out.printf(Locale.ROOT, "c=%d: %d requests, %d answered, %.1f answers/s, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, errors %s;"
                                + " per answer: retrieval %.0f ms, answer %.0f ms%n", concurrency, result.requests(),
                        result.answered(), result.answeredPerSecond(), l.percentile(50), l.percentile(95), l.percentile(99),
                        result.errorsByStatus(), retrievalMs, answerMs);
                if (concurrency == 8) {
                    figures.result("p50_ms_c8", l.percentile(50)).result("p95_ms_c8", l.percentile(95))
                            .result("rps_c8", result.answeredPerSecond());
                }
            }
            figures.result("errors", totalErrors).result("chunks", indexed);
        }
        figures.chart("p95_ms", "ms");
        BenchRecord.publish(figures, config.workDir(), System.out);
        return 0;
    }

    /**
     * One question at a time, in-process, through the ranking chat itself uses: the question's
     * embedding alone, then each search mode (kNN and hybrid include an embedding of their own).
     */
    private void breakdownOneAtATime(PassageRanking ranking, String tenant, List<String> questions, BenchFigures figures) {
        EmbeddingModel model = SharedEmbeddingModel.get(config.agent().retrieval().embeddingModel());
        int depth = config.agent().retrieval().candidates();
        Latencies embed = new Latencies();
        Map<RetrievalMode, Latencies> searches = new LinkedHashMap<>();
        for (RetrievalMode mode : List.of(RetrievalMode.BM25, RetrievalMode.KNN, RetrievalMode.HYBRID)) {
            searches.put(mode, new Latencies());
        }
        ranking.rank(tenant, KNOWLEDGE_BASE, questions.get(0), RetrievalMode.HYBRID, depth); // warm
        for (String question : questions) {
            long start = System.nanoTime();
            model.embed(question);
            embed.add((System.nanoTime() - start) / 1e6);
            for (Map.Entry<RetrievalMode, Latencies> search : searches.entrySet()) {
                start = System.nanoTime();
                ranking.rank(tenant, KNOWLEDGE_BASE, question, search.getKey(), depth);
                search.getValue().add((System.nanoTime() - start) / 1e6);
            }
        }
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("embed_ms", embed.mean());
        searches.forEach((mode, latencies) -> row.put(mode.label() + "_ms", latencies.mean()));
        figures.row("one at a time, in-process (means)", row);
        System.out.printf(Locale.ROOT, "One at a time (%d questions, depth %d): question embedding %.0f ms, bm25 %.0f ms,"
                        + " knn %.0f ms (embedding included), hybrid %.0f ms%n", questions.size(), depth, embed.mean(),
                searches.get(RetrievalMode.BM25).mean(), searches.get(RetrievalMode.KNN).mean(),
                searches.get(RetrievalMode.HYBRID).mean());
    }

    private static int ask(HttpClient http, URI chat, String key, String question) {
        String body = JSON.createObjectNode().put("knowledgeBase", KNOWLEDGE_BASE).put("message", question).toString();
        try {
            return http.send(HttpRequest.newBuilder(chat).timeout(Duration.ofSeconds(60))
                            .header("content-type", "application/json").header("Authorization", "Bearer " + key)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String scrape(HttpClient http, URI metrics) throws Exception {
        return http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double delta(String before, String after, String metric) {
        return PrometheusText.sum(after, metric) - PrometheusText.sum(before, metric);
    }

    private static double perRequestMs(String before, String after, String timer, double requests) {
        return requests <= 0 ? 0 : delta(before, after, timer + "_sum") * 1000 / requests;
    }

    private static List<String> questions(Path file) {
        List<EvalQuestion> all = EvalQuestion.read(file);
        List<String> r = all.stream().filter(q -> q.corpus().equals("manuals/r")).map(EvalQuestion::question).toList();
        return r.isEmpty() ? all.stream().map(EvalQuestion::question).toList() : r;
    }
}
