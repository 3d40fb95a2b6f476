package dev.docflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Docflow end to end on the samples, then keep running until Ctrl-C.",
            "Starts everything, ingests samples/ into the knowledge base 'demo' with a progress line,",
            "shows one answer with its citations."})
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE_QUESTION = "How can I read a file in SAS Transport format?";

    private final DocflowConfig config;

    DemoCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        long start = System.nanoTime();
        LocalDeployment deployment = LocalDeployment.start(config, out).closeOnExit();
        int agentPort = deployment.startAgent(config.agent().httpPort());
        deployment.startStreamingJob();
        Banner.where(out, deployment, agentPort);

        new KnowledgeBaseIngestion(deployment, out).ingest(
                DocflowConfig.DEMO_TENANT, DocflowConfig.DEMO_KNOWLEDGE_BASE, List.of(config.samplesDir()));

        out.println();
        out.println("Q: " + EXAMPLE_QUESTION);
        printAnswer(out, ask(agentPort, deployment.demoKey(), EXAMPLE_QUESTION));
        out.printf("(first answer %.0f s after start)%n%n", (System.nanoTime() - start) / 1e9);
        out.println("Ask your own:");
        out.println("  curl -s localhost:" + agentPort + "/api/chat -H 'content-type: application/json' \\");
        out.println("    -H \"Authorization: Bearer $(cat " + config.workDir().resolve(LocalDeployment.DEMO_KEY_FILE) + ")\" \\");
        out.println("    -d '{\"knowledgeBase\":\"demo\",\"message\":\"How do I check the operator is healthy?\"}'");
        out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
        return 0;
    }

    static JsonNode ask(int agentPort, String apiKey, String question) throws Exception {
        return new ChatClient(agentPort, apiKey).ask(DocflowConfig.DEMO_KNOWLEDGE_BASE, question, null);
    }

    private static void printAnswer(PrintStream out, JsonNode reply) {
        CitedAnswerText.lines(reply).forEach(out::println);
    }
}
