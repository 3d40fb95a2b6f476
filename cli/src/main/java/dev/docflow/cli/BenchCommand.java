package dev.docflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docflow.agent.retrieval.RetrievalMode;
import dev.docflow.cli.bench.CitationJudge;
import dev.docflow.cli.bench.CorpusFingerprint;
import dev.docflow.cli.bench.EvalQuestion;
import dev.docflow.cli.bench.RetrievalTally;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Option;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure Docflow; each benchmark ends with a 'RESULT key=value …' line."},
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Retrieval.class,
            BenchFormatsCommand.class, BenchOcrCommand.class, BenchTablesCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Bulk-ingest a folder into the knowledge base 'bench-ingest' and report throughput.",
                "Default folder: ../shared/corpus/manuals/r (the six R manuals, 625 pages)."})
    static final class Ingest implements Callable<Integer> {
        private final DocflowConfig config;

        @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder to ingest.")
        Path folder;

        Ingest(DocflowConfig config) {
            this.config = config;
        }

        @Override
        public Integer call() throws Exception {
            Path source = folder != null ? folder : config.home().resolveSibling("shared").resolve("corpus/manuals/r");
            try (LocalDeployment deployment = LocalDeployment.attachOrStart(config, System.out)) {
                KnowledgeBaseIngestion.Result result = new KnowledgeBaseIngestion(deployment, System.out)
                        .ingest("bench", "bench-ingest", List.of(source));
                IngestionProgress.Snapshot p = result.progress();
                System.out.printf(Locale.ROOT,
                        "RESULT documents=%d indexed=%d failed=%d chunks=%d seconds=%.1f documents_per_second=%.2f chunks_per_second=%.1f%n",
                        result.documents(), p.indexed(), p.failed(), p.chunks(), p.seconds(),
                        p.done() / p.seconds(), p.chunks() / p.seconds());
                return 0;
            }
        }
    }

    @Command(name = "retrieval", mixinStandardHelpOptions = true,
            description = {"Retrieval and answer quality through the real chat endpoint.",
                "Ingests each question's corpus folder into its own knowledge base (eval-<folder>; again only",
                "when the folder changed), asks every question in bm25, knn and hybrid mode, and prints",
                "recall@1, recall@5 and MRR (first 5 citations) and answer accuracy; the RESULT line is hybrid's."})
    static final class Retrieval implements Callable<Integer> {
        private final DocflowConfig config;

        @Option(names = "--questions", paramLabel = "FILE",
                description = "Questions, one JSON object a line (default: ../shared/eval/questions-dev.jsonl).")
        Path questionsFile;

        @Option(names = "--corpus-root", paramLabel = "DIR",
                description = "Folder the questions' 'corpus' paths are under (default: ../shared/corpus).")
        Path corpusRoot;

        @Option(names = "--per-question",
                description = "Also print, per question and mode, the rank of the first correct citation (0: none) and whether the answer is correct.")
        boolean perQuestion;

        Retrieval(DocflowConfig config) {
            this.config = config;
        }

        @Override
        public Integer call() throws Exception {
            Path shared = config.home().resolveSibling("shared");
            Path questionsPath = questionsFile != null ? questionsFile : shared.resolve("eval/questions-dev.jsonl");
            Path root = corpusRoot != null ? corpusRoot : shared.resolve("corpus");
            List<EvalQuestion> questions = EvalQuestion.read(questionsPath);
            try (LocalDeployment deployment = LocalDeployment.attachOrStart(config, System.out)) {
                EmbeddingModelChoice model = config.agent().retrieval().embeddingModel();
                long chunks = 0;
                double seconds = 0;
                for (String corpus : new TreeSet<>(questions.stream().map(EvalQuestion::corpus).toList())) {
                    IngestionProgress.Snapshot ingested = ingestUnlessUnchanged(deployment, corpus, root.resolve(corpus));
                    if (ingested != null) {
                        chunks += ingested.chunks();
                        seconds += ingested.seconds();
                    }
                }
                if (chunks > 0) {
                    System.out.printf(Locale.ROOT, "Ingested %d chunks in %.1f s with %s: %.1f chunks/s%n",
                            chunks, seconds, model.displayName(), chunks / seconds);
                }
                ChatClient chat = new ChatClient(deployment.startAgent(0), deployment.demoKey());
                Map<RetrievalMode, RetrievalTally> tallies = new EnumMap<>(RetrievalMode.class);
                for (RetrievalMode mode : List.of(RetrievalMode.BM25, RetrievalMode.KNN, RetrievalMode.HYBRID)) {
                    RetrievalTally tally = new RetrievalTally();
                    for (EvalQuestion question : questions) {
                        JsonNode reply = chat.ask(knowledgeBaseOf(question.corpus(), model), question.question(), mode.label());
                        int rank = CitationJudge.firstCorrect(question, reply, 5);
                        boolean answered = CitationJudge.answerIsCorrect(question, reply);
                        tally.add(rank, answered);
                        if (perQuestion) {
                            System.out.printf(Locale.ROOT, "Q %s %s rank=%d answer=%s%n", question.id(), mode.label(), rank,
                                    answered ? "correct" : "wrong");
                        }
                    }
                    tallies.put(mode, tally);
                    System.out.println(tally.line(mode.label()));
                }
                RetrievalTally hybrid = tallies.get(RetrievalMode.HYBRID);
                System.out.printf(Locale.ROOT, "RESULT recall_at_1=%.3f recall_at_5=%.3f mrr=%.3f answer_accuracy=%.3f%n",
                        hybrid.recallAt1(), hybrid.recallAt5(), hybrid.mrr(), hybrid.answerAccuracy());
                return 0;
            }
        }

        /** @return what the ingestion did, or null when the knowledge base was up to date */
        private IngestionProgress.Snapshot ingestUnlessUnchanged(LocalDeployment deployment, String corpus, Path folder)
                throws Exception {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("Corpus folder " + folder + " does not exist (see --corpus-root)");
            }
            String knowledgeBase = knowledgeBaseOf(corpus, config.agent().retrieval().embeddingModel());
            Path record = config.workDir().resolve("bench").resolve(knowledgeBase + ".fingerprint");
            if (CorpusFingerprint.matches(record, folder)) {
                System.out.println("Knowledge base " + knowledgeBase + " is up to date with " + folder);
                return null;
            }
            // asked with the demo tenant's key
            KnowledgeBaseIngestion.Result result = new KnowledgeBaseIngestion(deployment, System.out)
                    .ingest(DocflowConfig.DEMO_TENANT, knowledgeBase, List.of(folder));
            CorpusFingerprint.save(record, folder);
            return result.progress();
        }

        /**
         * {@code eval-<folder>}, and {@code -<model>} after it for a model other than the default:
         * each model's chunks in knowledge bases of their own, so a run never reuses (or replaces)
         * another model's vectors.
         */
        static String knowledgeBaseOf(String corpus, EmbeddingModelChoice model) {
            String name = "eval-" + corpus.replaceAll("[^A-Za-z0-9]+", "-");
            return model == EmbeddingModelChoice.DEFAULT ? name : name + "-" + model.id();
        }
    }
}
