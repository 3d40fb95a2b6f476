package dev.docflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docflow.agent.retrieval.RetrievalMode;
import dev.docflow.cli.bench.CitationJudge;
import dev.docflow.cli.bench.CorpusFingerprint;
import dev.docflow.cli.bench.EvalQuestion;
import dev.docflow.cli.bench.RetrievalTally;
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
                for (String corpus : new TreeSet<>(questions.stream().map(EvalQuestion::corpus).toList())) {
                    ingestUnlessUnchanged(deployment, corpus, root.resolve(corpus));
                }
                ChatClient chat = new ChatClient(deployment.startAgent(0), deployment.demoKey());
                Map<RetrievalMode, RetrievalTally> tallies = new EnumMap<>(RetrievalMode.class);
                for (RetrievalMode mode : List.of(RetrievalMode.BM25, RetrievalMode.KNN, RetrievalMode.HYBRID)) {
                    RetrievalTally tally = new RetrievalTally();
                    for (EvalQuestion question : questions) {
                        JsonNode reply = chat.ask(knowledgeBaseOf(question.corpus()), question.question(), mode.label());
                        tally.add(CitationJudge.firstCorrect(question, reply, 5), CitationJudge.answerIsCorrect(question, reply));
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

        private void ingestUnlessUnchanged(LocalDeployment deployment, String corpus, Path folder) throws Exception {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("Corpus folder " + folder + " does not exist (see --corpus-root)");
            }
            String knowledgeBase = knowledgeBaseOf(corpus);
            Path record = config.workDir().resolve("bench").resolve(knowledgeBase + ".fingerprint");
            if (CorpusFingerprint.matches(record, folder)) {
                System.out.println("Knowledge base " + knowledgeBase + " is up to date with " + folder);
                return;
            }
            // asked with the demo tenant's key
            new KnowledgeBaseIngestion(deployment, System.out)
                    .ingest(DocflowConfig.DEMO_TENANT, knowledgeBase, List.of(folder));
            CorpusFingerprint.save(record, folder);
        }

        static String knowledgeBaseOf(String corpus) {
            return "eval-" + corpus.replaceAll("[^A-Za-z0-9]+", "-");
        }
    }
}
