package dev.docflow.cli;

import dev.docflow.ingest.BulkIngestJob;
import dev.docflow.ingest.runtime.JobJar;
import dev.docflow.localstack.FlinkSessionCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"A standalone Flink session cluster on this machine, as separate processes."},
        subcommands = {ClusterCommand.Up.class})
final class ClusterCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Start a Flink 1.20 JobManager and N TaskManagers (one JVM each, one slot each),",
                "configured by flink-conf/config.yaml, with the dashboard on 127.0.0.1; until Ctrl-C.",
                "Submit Docflow's job jar to it with './docflow ingest --flink URL …' or 'flink run'."})
    static final class Up implements Callable<Integer> {
        private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
        private final DocflowConfig config;

        @Option(names = "--taskmanagers", defaultValue = "2", paramLabel = "N",
                description = "TaskManagers to start (default: ${DEFAULT-VALUE}).")
        int taskManagers;

        @Option(names = "--port", defaultValue = "8081", paramLabel = "PORT",
                description = "Dashboard and REST port (default: ${DEFAULT-VALUE}; a free one if taken).")
        int port;

        Up(DocflowConfig config) {
            this.config = config;
        }

        @Override
        public Integer call() throws Exception {
            if (taskManagers < 1) {
                throw new IllegalArgumentException("--taskmanagers must be at least 1");
            }
            Path conf = config.home().resolve("flink-conf");
            System.out.printf("Starting a Flink session cluster: 1 JobManager, %d TaskManager(s) (%s) …%n", taskManagers, conf);
            FlinkSessionCluster cluster = FlinkSessionCluster.start(conf, config.workDir(), port, taskManagers, START_TIMEOUT);
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "docflow-cluster-shutdown"));
            Path jar = config.home().resolve("ingestion-jobs/target");
            System.out.println("Flink dashboard:  " + cluster.restAddress());
            System.out.println("Logs and state:   " + cluster.folder());
            System.out.println("Ingest with it:   ./docflow ingest --flink " + cluster.restAddress() + " --kb NAME PATH…");
            System.out.println("Or submit the job jar yourself: flink run -m " + cluster.restAddress().getAuthority()
                    + " -c " + BulkIngestJob.class.getName() + " " + jar.resolve("docflow-ingestion-jobs-<version>-"
                    + JobJar.CLASSIFIER + ".jar") + " --tenant T --knowledge-base KB …");
            System.out.println("Press Ctrl-C to stop.");
            new CountDownLatch(1).await();
            return 0;
        }
    }
}
