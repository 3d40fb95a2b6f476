package dev.docflow.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure Docflow; each benchmark ends with a 'RESULT key=value …' line."},
        subcommands = {BenchCommand.Ingest.class})
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
}
