package dev.docflow.bench;

import dev.docflow.cli.Docflow;

/** {@code ./docflow bench NAME}: the benchmarks, on the bench module's class path. */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) {
        Docflow.launch(new BenchCommand(), args);
    }
}
