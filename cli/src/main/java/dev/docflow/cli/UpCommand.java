package dev.docflow.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Run the stack, Flink (dashboard) and the agent service until Ctrl-C.",
            "Elasticsearch, PostgreSQL, Kafka and S3 keep their data in the work folder."})
final class UpCommand implements Callable<Integer> {
    private final DocflowConfig config;

    UpCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        LocalDeployment deployment = LocalDeployment.start(config, System.out).closeOnExit();
        int agentPort = deployment.startAgent(config.agent().httpPort());
        deployment.startStreamingJob();
        Banner.where(System.out, deployment, agentPort);
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
        return 0;
    }
}
