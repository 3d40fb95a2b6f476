package dev.docflow.bench;

import dev.docflow.cli.DocflowConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "faults", mixinStandardHelpOptions = true,
        description = {"Outages, one at a time, under load: starts a stack, Flink, the streaming job and the agent",
            "service of its own (in --work-dir, on free ports), uploads and chats all along, and stops and restarts",
            "Kafka, PostgreSQL, Elasticsearch and the S3 server, then kills the streaming job's TaskManager. During",
            "an outage the API must answer 503 with a code and Retry-After (the client retries uploads that got",
            "one); afterwards every accepted document must be indexed with exactly its chunk ids. Prints each",
            "outage's errors and recovery time; ends with 'RESULT requests=… errors_503=… errors_other=… documents=…",
            "chunks=… lost=… duplicated=… recovery_ms_<server>=…'. Exit code 1 when anything was lost, duplicated",
            "or answered other than 2xx or 503."})
final class BenchFaultsCommand implements Callable<Integer> {
    private final DocflowConfig config;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Folder of the bench's own stack (default: bench-faults in the work folder); the data an"
                    + " earlier run left in it is deleted at start.")
    Path workDir;

    BenchFaultsCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        Path folder = workDir != null ? workDir : config.workDir().resolve("bench-faults");
        FaultDrill.Result result = new FaultDrill(config.withWorkDir(folder), System.out).run();
        print(result, System.out);
        return result.passed() ? 0 : 1;
    }

    /** The figures: a Markdown table of the outages, the errors, what was lost or duplicated, the RESULT line. */
    static void print(FaultDrill.Result result, java.io.PrintStream out) {
        out.println();
        out.println("| outage | down ms | restart ms | requests | errors by code | recovery ms |");
        out.println("|---|---|---|---|---|---|");
        for (FaultDrill.Phase phase : result.phases()) {
            out.printf("| %s | %d | %d | %d | %s | %d |%n", phase.fault().label(), phase.downMillis(),
                    phase.restartMillis(), phase.requests(), phase.errors().isEmpty() ? "none" : phase.errors(),
                    phase.recoveryMillis());
        }
        out.println("errors over the whole run: " + result.tally().errorsByCode());
        result.audit().lost().stream().limit(20).forEach(line -> out.println("  lost: " + line));
        result.audit().duplicated().stream().limit(20).forEach(line -> out.println("  duplicated: " + line));
        out.println(result.resultLine());
    }
}
