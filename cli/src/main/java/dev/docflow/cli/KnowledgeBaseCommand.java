package dev.docflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "kb", mixinStandardHelpOptions = true,
        description = "List, create and delete the tenant's knowledge bases on the running service.")
final class KnowledgeBaseCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    final ServiceOptions service;

    @Spec
    CommandSpec spec;

    KnowledgeBaseCommand(DocflowConfig config) {
        this.service = new ServiceOptions(config);
    }

    @Override
    public void run() {
        spec.commandLine().usage(out()); // "kb" alone: which of list, create, delete
    }

    @Command(name = "list", description = "Each knowledge base with its documents and chunks.")
    int list() {
        PrintWriter out = out();
        JsonNode all = service.client().get("/api/knowledge-bases").path("knowledgeBases");
        if (all.isEmpty()) {
            out.println("No knowledge base yet: ./docflow kb create NAME");
        }
        for (JsonNode kb : all) {
            out.printf("%-30s %6d documents %8d chunks%n", kb.path("name").asText(), kb.path("documents").asLong(),
                    kb.path("chunks").asLong());
        }
        out.flush();
        return 0;
    }

    @Command(name = "create", description = "Create a knowledge base.")
    int create(@Parameters(paramLabel = "NAME", description = "Letters, digits, '.', '-' and '_'.") String name) {
        JsonNode created = service.client().post("/api/knowledge-bases", JSON.createObjectNode().put("name", name));
        out().println("Created " + created.path("name").asText());
        out().flush();
        return 0;
    }

    @Command(name = "delete", description = "Delete a knowledge base with all its documents, chunks and files.")
    int delete(@Parameters(paramLabel = "NAME") String name) {
        service.client().delete("/api/knowledge-bases/" + ServiceClient.segment(name));
        out().println("Deleted " + name);
        out().flush();
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
