package dev.docflow.bench;

/**
 * The small Markdown documents the fault bench uploads: three sections of about 150 words each
 * (a few chunks), whose words name the document, so no two have the same bytes (a copy of another
 * document's bytes would be accepted as a {@code duplicate}, not as a document of its own).
 */
public final class FaultDocuments {
    private static final int SECTIONS = 3;
    private static final int SENTENCES = 12;

    private FaultDocuments() {}

    public static String markdown(String name) {
        StringBuilder text = new StringBuilder("# Station log ").append(name).append("\n\n");
        for (int section = 0; section < SECTIONS; section++) {
            text.append("## Hour ").append(section).append("\n\n");
            for (int sentence = 0; sentence < SENTENCES; sentence++) {
                text.append("Record ").append(name).append('-').append(section).append('-').append(sentence)
                        .append(" notes that the river station logged level ").append(sentence)
                        .append(" at hour ").append(section).append(". ");
            }
            text.append("\n\n");
        }
        return text.toString();
    }
}
