package dev.docflow.cli;

import dev.docflow.ingest.runtime.RemoteFlinkCluster;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {
            "Upload files or folders into a knowledge base and ingest them.",
            "Uses the stack of a running './docflow up' or './docflow demo' when there is one;",
            "otherwise starts the embedded stack for this run (same work folder, so 'up' later serves it)."})
final class IngestCommand implements Callable<Integer> {
    private final DocflowConfig config;

    @Option(names = "--kb", required = true, paramLabel = "NAME", description = "Knowledge base to ingest into (created if missing).")
    String knowledgeBase;

    @Option(names = "--tenant", defaultValue = DocflowConfig.DEMO_TENANT, paramLabel = "TENANT",
            description = "Tenant that owns the knowledge base (default: ${DEFAULT-VALUE}).")
    String tenant;

    @Option(names = "--flink", paramLabel = "URL",
            description = "Run the job on this Flink cluster (its REST address, e.g. http://127.0.0.1:8081, as"
                    + " './docflow cluster up' prints it) from the job jar, instead of the local one.")
    URI flink;

    @Option(names = "--allow-failures",
            description = "Exit with 0 even when documents failed (by default a failed document makes the exit code "
                    + IngestCommand.DOCUMENTS_FAILED + ").")
    boolean allowFailures;

    /** The exit code when the job ran and at least one document failed (picocli keeps 1 and 2 for its own errors). */
    static final int DOCUMENTS_FAILED = 3;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths;

    static int exitCode(int failedDocuments, boolean allowFailures) {
        return failedDocuments > 0 && !allowFailures ? DOCUMENTS_FAILED : 0;
    }

    IngestCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        try (LocalDeployment deployment = flink == null
                ? LocalDeployment.attachOrStart(config, System.out)
                : LocalDeployment.attachOrStartStack(config, flink, System.out)) {
            KnowledgeBaseIngestion ingestion = flink == null
                    ? new KnowledgeBaseIngestion(deployment, System.out)
                    : new KnowledgeBaseIngestion(deployment, new RemoteFlinkCluster(flink), System.out);
            KnowledgeBaseIngestion.Result result = ingestion.ingest(tenant, knowledgeBase, paths);
            System.out.printf("RESULT documents=%d indexed=%d failed=%d chunks=%d seconds=%.1f%n",
                    result.documents(), result.progress().indexed(), result.progress().failed(),
                    result.progress().chunks(), result.progress().seconds());
            return exitCode(result.failures().size(), allowFailures);
        }
    }
}
