package dev.docflow.cli;

import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Run the stack, Flink (dashboard) and the agent service until Ctrl-C.",
            "Elasticsearch, PostgreSQL, Kafka and S3 keep their data in the work folder."})
final class UpCommand implements Callable<Integer> {
    private final DocflowConfig config;

    @Option(names = "--flink", paramLabel = "URL",
            description = "Run the streaming job on this Flink cluster (its REST address, e.g. http://127.0.0.1:8081, as"
                    + " './docflow cluster up' prints it) from the job jar, instead of a local one; it is cancelled on exit.")
    URI flink;

    UpCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        LocalDeployment deployment = (flink == null
                ? LocalDeployment.start(config, System.out)
                : LocalDeployment.startForCluster(config, flink, System.out)).closeOnExit();
        int agentPort = deployment.startAgent(config.agent().httpPort());
        deployment.startStreamingJob();
        Banner.where(System.out, deployment, agentPort);
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
        return 0;
    }
}
