package dev.docflow.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "tables", mixinStandardHelpOptions = true, description = {"(being written)"})
final class BenchTablesCommand implements Callable<Integer> {
    private final DocflowConfig config;

    BenchTablesCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench tables is not written yet");
    }
}
