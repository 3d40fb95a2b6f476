package dev.docflow.bench;

import dev.docflow.cli.ChatClient;
import dev.docflow.cli.DocflowConfig;
import dev.docflow.cli.IngestionProgress;
import dev.docflow.cli.KnowledgeBaseIngestion;
import dev.docflow.cli.LocalDeployment;
import com.fasterxml.jackson.databind.JsonNode;
import dev.docflow.agent.AgentApp;
import dev.docflow.agent.retrieval.PassageRanking;
import dev.docflow.agent.retrieval.RetrievalMode;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import picocli.CommandLine.Option;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure Docflow; each benchmark ends with a 'RESULT key=value …' line."},
        subcommands = {BenchIngestCommand.class, BenchCommand.Retrieval.class, BenchChatLoadCommand.class, BenchOcrSpeedCommand.class, BenchMemoryCommand.class,
            BenchFormatsCommand.class, BenchOcrCommand.class, BenchTablesCommand.class, BenchFaultsCommand.class,
            BenchClusterCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "retrieval", mixinStandardHelpOptions = true,
            description = {"Retrieval and answer quality through the real chat endpoint.",
                "Checks the questions against the corpus (QuestionSetChecker), ingests each question's corpus",
                "folder into its own knowledge base (eval-<folder>; again only when the folder changed), and asks",
                "every question in bm25, knn and hybrid mode. Per mode, over all questions and per corpus: recall",
                "@1/@5/@20/@50 of the chunks retrieval ranks (before the answer stage), recall@1/@5 and MRR of the",
                "reply's citations (first 5), answer accuracy and the share refused; then the off-topic questions of",
                "the same half (eval/off-topic*.jsonl, checked by OffTopicChecker), whose right reply is a refusal.",
                "A Markdown table; the RESULT line is hybrid's."})
    static final class Retrieval implements Callable<Integer> {
        private final DocflowConfig config;

        @Option(names = "--questions", paramLabel = "FILE",
                description = "Questions, one JSON object a line (default: the dev set, ../shared/eval/questions-dev.jsonl).")
        Path questionsFile;

        @Option(names = "--split", paramLabel = "NAME",
                description = "A question set by name instead of --questions: tuning or test (the halves of eval/questions.jsonl),"
                        + " all (eval/questions.jsonl) or dev (../shared/eval/questions-dev.jsonl). Tune on tuning only.")
        String split;

        @Option(names = "--off-topic", paramLabel = "FILE",
                description = "Questions no knowledge base can answer (default: with --split, its half of eval/off-topic.jsonl;"
                        + " otherwise none). Each should be refused.")
        Path offTopicFile;

        @Option(names = "--corpus-root", paramLabel = "DIR",
                description = "Folder the questions' 'corpus' paths are under (default: ../shared/corpus).")
        Path corpusRoot;

        @Option(names = "--per-question",
                description = "Also print, per question and mode, the rank of the first correct passage in retrieval's ranking"
                        + " (of 50; 0: none) and among the citations (of 5; 0: none), and whether the answer is correct.")
        boolean perQuestion;

        @Option(names = "--modes", paramLabel = "MODE[,MODE…]", split = ",",
                description = "Retrieval modes to measure, in this order (default: bm25,knn,hybrid); one mode alone is"
                        + " a third of the run, for iterating on a change. The RESULT line is hybrid's, printed when it ran.")
        List<String> modes;

        Retrieval(DocflowConfig config) {
            this.config = config;
        }

        @Override
        public Integer call() throws Exception {
            Path shared = config.home().resolveSibling("shared");
            Path questionsPath = questionsPath(shared);
            Path root = corpusRoot != null ? corpusRoot : shared.resolve("corpus");
            List<String> problems = new QuestionSetChecker(root).problems(questionsPath);
            if (!problems.isEmpty()) {
                System.out.println(questionsPath + " has " + problems.size() + " question(s) its corpus cannot answer:");
                problems.forEach(problem -> System.out.println("  " + problem));
                return 2;
            }
            List<EvalQuestion> questions = EvalQuestion.read(questionsPath);
            System.out.println("Questions: " + questionsPath + " " + QuestionSplit.perCorpus(questions));
            List<OffTopicQuestion> offTopic = List.of();
            Path offTopicPath = offTopicPath();
            if (offTopicPath != null) {
                List<String> offTopicProblems = new OffTopicChecker(root).problems(offTopicPath);
                if (!offTopicProblems.isEmpty()) {
                    System.out.println(offTopicPath + " has " + offTopicProblems.size() + " question(s) its corpus may answer:");
                    offTopicProblems.forEach(problem -> System.out.println("  " + problem));
                    return 2;
                }
                offTopic = OffTopicQuestion.read(offTopicPath).stream()
                        .filter(question -> questions.stream().anyMatch(q -> q.corpus().equals(question.corpus()))).toList();
                System.out.println("Off-topic questions: " + offTopicPath + " " + offTopic.size()
                        + " (of the corpora above)");
            }
            int candidates = config.agent().retrieval().candidates();
            if (candidates < RetrievalTally.RANKING_DEPTH) {
                System.out.printf(Locale.ROOT, "Retrieval ranks %d candidates (retrieval.candidates): recall@50 counts those%n",
                        candidates);
            }
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
                AgentApp agent = deployment.startAgentApp(0);
                ChatClient chat = new ChatClient(agent.port(), deployment.demoKey());
                PassageRanking ranking = agent.passageRanking();
                RetrievalTable table = new RetrievalTable();
                List<RetrievalMode> measured = modes();
                for (RetrievalMode mode : measured) {
                    long started = System.nanoTime();
                    for (EvalQuestion question : questions) {
                        String knowledgeBase = knowledgeBaseOf(question.corpus(), model);
                        // the ranking is asked as chat asks it, with the tenant the demo key belongs to
                        dev.docflow.agent.retrieval.Retrieval retrieval = ranking.retrieval(DocflowConfig.DEMO_TENANT,
                                knowledgeBase, question.question(), mode, RetrievalTally.RANKING_DEPTH);
                        int ranked = CitationJudge.firstCorrectPassage(question, retrieval.chunks(), RetrievalTally.RANKING_DEPTH);
                        JsonNode reply = chat.ask(knowledgeBase, question.question(), mode.label());
                        int cited = CitationJudge.firstCorrect(question, reply, RetrievalTally.CITATIONS);
                        boolean answered = CitationJudge.answerIsCorrect(question, reply);
                        boolean refused = CitationJudge.isRefusal(reply);
                        table.add(mode.label(), question.corpus(), ranked, cited, answered, refused);
                        if (perQuestion) {
                            System.out.printf(Locale.ROOT, "Q %s %s retrieval_rank=%d citation_rank=%d answer=%s best_similarity=%.3f%n",
                                    question.id(), mode.label(), ranked, cited,
                                    refused ? "refused" : answered ? "correct" : "wrong", retrieval.bestSimilarity());
                            if (!answered && !refused) {
                                // what was quoted instead of the value, so a loss in the answer stage shows
                                System.out.printf(Locale.ROOT, "  wanted %s; answered: %s%n", question.answerContains(),
                                        reply.path("answer").asText().replaceAll("\\s+", " "));
                            }
                        }
                    }
                    for (OffTopicQuestion question : offTopic) {
                        String knowledgeBase = knowledgeBaseOf(question.corpus(), model);
                        JsonNode reply = chat.ask(knowledgeBase, question.question(), mode.label());
                        boolean refused = CitationJudge.isRefusal(reply);
                        table.addOffTopic(mode.label(), question.kind(), refused);
                        if (perQuestion) {
                            double best = ranking.retrieval(DocflowConfig.DEMO_TENANT, knowledgeBase, question.question(), mode,
                                    RetrievalTally.RANKING_DEPTH).bestSimilarity();
                            System.out.printf(Locale.ROOT, "Q %s %s off-topic %s answer=%s best_similarity=%.3f%n",
                                    question.id(), mode.label(), question.kind().label(), refused ? "refused" : "answered", best);
                        }
                    }
                    System.out.println(table.of(mode.label()).line(mode.label()));
                    // one ranking and one chat request per question, one at a time
                    System.out.printf(Locale.ROOT, "%s: %.0f ms per question (ranking read in-process + chat reply)%n",
                            mode.label(), (System.nanoTime() - started) / 1e6 / questions.size());
                }
                table.markdown().forEach(System.out::println);
                if (!measured.contains(RetrievalMode.HYBRID)) {
                    return 0;
                }
                RetrievalTally hybrid = table.of(RetrievalMode.HYBRID.label());
                System.out.printf(Locale.ROOT,
                        "RESULT recall_at_1=%.3f recall_at_5=%.3f mrr=%.3f answer_accuracy=%.3f retrieval_recall_at_20=%.3f"
                                + " retrieval_recall_at_50=%.3f answerable_refused=%.3f off_topic_refused=%.3f%n",
                        hybrid.recallAt1(), hybrid.recallAt5(), hybrid.mrr(), hybrid.answerAccuracy(),
                        hybrid.rankingRecallAt(20), hybrid.rankingRecallAt(50), hybrid.refusalRate(),
                        table.offTopicRefusalRate(RetrievalMode.HYBRID.label()));
                return 0;
            }
        }

        /** --modes, or all three with hybrid last. */
        private List<RetrievalMode> modes() {
            if (modes == null || modes.isEmpty()) {
                return List.of(RetrievalMode.BM25, RetrievalMode.KNN, RetrievalMode.HYBRID);
            }
            List<RetrievalMode> parsed = new java.util.ArrayList<>();
            for (String name : modes) {
                RetrievalMode mode = RetrievalMode.parse(name.strip());
                if (mode == null) {
                    throw new IllegalArgumentException("--modes takes bm25, knn and hybrid, not " + name);
                }
                parsed.add(mode);
            }
            return parsed;
        }

        /** --questions, or the file --split names, or the dev set. */
        private Path questionsPath(Path shared) {
            if (split != null && questionsFile != null) {
                throw new IllegalArgumentException("Give --questions or --split, not both");
            }
            if (split == null) {
                return questionsFile != null ? questionsFile : shared.resolve("eval/questions-dev.jsonl");
            }
            Path eval = config.home().resolve("eval");
            return switch (split) {
                case "tuning" -> eval.resolve("questions-tuning.jsonl");
                case "test" -> eval.resolve("questions-test.jsonl");
                case "all" -> eval.resolve("questions.jsonl");
                case "dev" -> shared.resolve("eval/questions-dev.jsonl");
                default -> throw new IllegalArgumentException("--split is tuning, test, all or dev, not " + split);
            };
        }

        /** --off-topic, or the half of the off-topic set that --split names, or none. */
        private Path offTopicPath() {
            if (offTopicFile != null || split == null) {
                return offTopicFile;
            }
            Path eval = config.home().resolve("eval");
            return switch (split) {
                case "tuning" -> eval.resolve("off-topic-tuning.jsonl");
                case "test" -> eval.resolve("off-topic-test.jsonl");
                case "all" -> eval.resolve("off-topic.jsonl");
                default -> null;
            };
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
         * {@code eval-<folder>}, and {@code -<model>} after it for a model other than all-MiniLM-L6-v2
         * (the names of the runs before the default changed): each model's knowledge bases, and
         * their fingerprint records, apart, so a run never reuses (or replaces) another model's vectors.
         */
        static String knowledgeBaseOf(String corpus, EmbeddingModelChoice model) {
            String name = "eval-" + corpus.replaceAll("[^A-Za-z0-9]+", "-");
            return model == EmbeddingModelChoice.LEGACY_DEFAULT ? name : name + "-" + model.id();
        }
    }
}
