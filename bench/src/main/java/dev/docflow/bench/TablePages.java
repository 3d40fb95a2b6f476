package dev.docflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The pages of a set of documents that hold a real table, checked by eye: lines
 * {@code DOCUMENT<TAB>PAGE[<TAB>what is there]}; {@code #} starts a comment. A table found on any
 * other page is a false table (prose split into columns, code with aligned comments).
 */
record TablePages(Set<String> pages) {
    static TablePages read(Path file) throws IOException {
        Set<String> pages = new HashSet<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split("\\t");
                    pages.add(key(fields[0].strip(), Integer.parseInt(fields[1].strip())));
                }
            }
        }
        return new TablePages(Set.copyOf(pages));
    }

    boolean hasTable(String document, int page) {
        return pages.contains(key(document, page));
    }

    private static String key(String document, int page) {
        return document + "#" + page;
    }
}
