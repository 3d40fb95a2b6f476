package dev.docflow.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "ocr", mixinStandardHelpOptions = true, description = {"(being written)"})
final class BenchOcrCommand implements Callable<Integer> {
    private final DocflowConfig config;

    BenchOcrCommand(DocflowConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("bench ocr is not written yet");
    }
}
