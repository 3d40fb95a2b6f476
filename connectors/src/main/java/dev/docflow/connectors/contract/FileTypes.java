package dev.docflow.connectors.contract;

import java.util.Locale;

/** The file type chunks are filtered by ({@link ChunkFields#FILE_TYPE}): the same rule wherever it is computed. */
public final class FileTypes {
    private FileTypes() {}

    /**
     * The file name's extension, lower case, without the dot: {@code Report.PDF} → {@code pdf},
     * {@code logs.tar.gz} → {@code gz}; empty when it has none ({@code README}, {@code .profile},
     * {@code notes.}). Only the last path segment counts.
     */
    public static String of(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return "";
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * The file name as a title for BM25: the last segment without its extension, runs of
     * {@code _ - .} as one space ({@code docs__custom-resource__job-management.md} →
     * {@code docs custom resource job management}).
     */
    public static String title(String fileName) {
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        String type = of(name);
        String stem = type.isEmpty() ? name : name.substring(0, name.length() - type.length() - 1);
        return stem.replaceAll("[_\\-.\\s]+", " ").strip();
    }
}
