package dev.docflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Knowledge bases of the running service: documents by status, the latest failures with",
            "their reasons, and the Flink jobs ingesting them with their dashboard links."})
final class StatusCommand implements Callable<Integer> {
    @Mixin
    final ServiceOptions service;

    @Option(names = "--kb", paramLabel = "NAME", description = "Only this knowledge base.")
    String knowledgeBase;

    @Spec
    CommandSpec spec;

    StatusCommand(DocflowConfig config) {
        this.service = new ServiceOptions(config);
    }

    @Override
    public Integer call() {
        ServiceClient client = service.client();
        PrintWriter out = spec.commandLine().getOut();
        List<String> names = new ArrayList<>();
        if (knowledgeBase != null) {
            names.add(knowledgeBase);
        } else {
            client.get("/api/knowledge-bases").path("knowledgeBases").forEach(kb -> names.add(kb.path("name").asText()));
        }
        out.println("Service " + client.base());
        if (names.isEmpty()) {
            out.println("No knowledge base yet: ./docflow kb create NAME");
        }
        for (String name : names) {
            String path = "/api/knowledge-bases/" + ServiceClient.segment(name);
            JsonNode summary = client.get(path);
            JsonNode failed = client.get(path + "/documents?status=failed&limit=500");
            JsonNode jobs = client.get(path + "/jobs");
            StatusReport.lines(summary, failed, jobs).forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
