package dev.docflow.bench;

import dev.docflow.cli.DocflowConfig;
import dev.docflow.cli.KnowledgeBaseIngestion;
import dev.docflow.cli.LocalDeployment;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DocumentRecord;
import dev.docflow.connectors.postgres.KnowledgeBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "formats", mixinStandardHelpOptions = true,
        description = {"Ingest a folder of files of every kind into the knowledge base 'bench-formats' (tenant",
            "'bench') and print, per file extension, how many were indexed and how many failed, by reason.",
            "Default folder: ../shared/corpus/formats (582 files in 40 formats).",
            "Ends with 'RESULT indexed=… failed=… unexplained=…': unexplained counts documents that never",
            "finished or failed without a reason a user can act on (internal_error)."})
final class BenchFormatsCommand implements Callable<Integer> {
    static final String TENANT = "bench";
    static final String KNOWLEDGE_BASE = "bench-formats";

    private final DocflowConfig config;

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "Folder to ingest.")
    Path folder;

    @Option(names = "--markdown", description = "Print the coverage table as Markdown.")
    boolean markdown;

    BenchFormatsCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        Path source = folder != null ? folder : config.home().resolveSibling("shared").resolve("corpus/formats");
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("Folder " + source + " does not exist");
        }
        try (LocalDeployment deployment = LocalDeployment.attachOrStart(config, System.out)) {
            new KnowledgeBaseIngestion(deployment, System.out).ingest(TENANT, KNOWLEDGE_BASE, List.of(source));
            Database database = deployment.database();
            KnowledgeBase kb = database.knowledgeBases().ensure(TENANT, KNOWLEDGE_BASE);
            FormatCoverage coverage = new FormatCoverage();
            for (DocumentRecord document : database.documents().listByKnowledgeBase(kb.id())) {
                coverage.add(document.fileName(), document.status().code(),
                        document.failureReason() == null ? null : document.failureReason().code());
            }
            System.out.println();
            System.out.print(coverage.render(markdown));
            coverage.unexplained().forEach(line -> System.out.println("  unexplained: " + line));
            System.out.printf("RESULT indexed=%d failed=%d unexplained=%d%n",
                    coverage.indexed(), coverage.failed(), coverage.unexplained().size());
            return 0;
        }
    }
}
