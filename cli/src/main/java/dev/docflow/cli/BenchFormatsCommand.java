package dev.docflow.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "formats", mixinStandardHelpOptions = true, description = {"(being written)"})
final class BenchFormatsCommand implements Callable<Integer> {
    private final DocflowConfig config;

    BenchFormatsCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench formats is not written yet");
    }
}
