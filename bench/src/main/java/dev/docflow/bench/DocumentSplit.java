package dev.docflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A set of documents cut once into a tuning half and a test half: the names, in name order, are
 * shuffled by {@link Collections#shuffle(List, Random)} with a {@link Random} of the seed, and the
 * first half (rounded down) goes to tuning. {@code java.util.Random} is fixed by its specification,
 * so the committed file ({@code eval/tables/icdar2013-split.tsv}) can be checked against the seed.
 */
record DocumentSplit(Map<String, Half> halves) {
    /** The seed {@code eval/tables/icdar2013-split.tsv} was cut with. */
    static final long SEED = 20261202L;

    enum Half { TUNING, TEST }

    static DocumentSplit of(List<String> names, long seed) {
        List<String> shuffled = new ArrayList<>(names.stream().sorted().toList());
        Collections.shuffle(shuffled, new Random(seed));
        Map<String, Half> halves = new TreeMap<>();
        for (int i = 0; i < shuffled.size(); i++) {
            halves.put(shuffled.get(i), i < shuffled.size() / 2 ? Half.TUNING : Half.TEST);
        }
        return new DocumentSplit(halves);
    }

    /** Reads lines {@code NAME<TAB>tuning|test}; lines starting with {@code #} are comments. */
    static DocumentSplit read(Path file) throws IOException {
        Map<String, Half> halves = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.split("\t");
                halves.put(fields[0], Half.valueOf(fields[1].strip().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return new DocumentSplit(halves);
    }

    String lines() {
        StringBuilder out = new StringBuilder();
        halves.forEach((name, half) -> out.append(name).append('\t')
                .append(half.name().toLowerCase(java.util.Locale.ROOT)).append('\n'));
        return out.toString();
    }
}
