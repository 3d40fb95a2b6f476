package dev.docflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"A conversation with a knowledge base in the terminal: each line is a question, each answer",
            "comes with numbered citations (file, pages, passage). Follow-ups carry on the conversation.",
            "An empty line or end of input ends it."})
final class ChatCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    final ServiceOptions service;

    @Option(names = "--kb", required = true, paramLabel = "NAME", description = "The knowledge base to ask.")
    String knowledgeBase;

    @Spec
    CommandSpec spec;

    /** Where the questions come from: the terminal, or what a test types. */
    BufferedReader questions = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    ChatCommand(DocflowConfig config) {
        this.service = new ServiceOptions(config);
    }

    @Override
    public Integer call() throws IOException {
        ServiceClient client = service.client();
        client.get("/api/knowledge-bases/" + ServiceClient.segment(knowledgeBase)); // unknown: say so before the first question
        PrintWriter out = spec.commandLine().getOut();
        out.println("Chat with " + knowledgeBase + " (an empty line ends it).");
        String conversationId = null;
        while (true) {
            out.print("Q: ");
            out.flush();
            String question = questions.readLine();
            if (question == null || question.isBlank()) {
                break;
            }
            ObjectNode body = JSON.createObjectNode().put("knowledgeBase", knowledgeBase).put("message", question);
            if (conversationId != null) {
                body.put("conversationId", conversationId);
            }
            try {
                JsonNode reply = client.post("/api/chat", body);
                conversationId = reply.path("conversationId").asText(null);
                CitedAnswerText.lines(reply).forEach(out::println);
            } catch (ServiceRefusedException e) {
                out.println("The service refused: " + e.getMessage()); // a 429 or a deadline: the next question may pass
            }
            out.println();
        }
        out.flush();
        return 0;
    }
}
