package dev.docflow.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.xml.sax.ContentHandler;

/**
 * Receives the files Tika finds inside a part (ZIP entries, attachments, embedded objects and
 * images) and hands each, copied to a file, to the extraction as a part of its own, counting what
 * unpacks against the document's budget as the bytes arrive.
 */
final class EmbeddedFiles implements EmbeddedDocumentExtractor {
    /** Where an embedded file goes once on disk. */
    interface Receiver {
        /** @param name the file's name, or null when its container gave it none (a mail's body) */
        void receive(Path file, String name, int depth);
    }

    private final ExtractionBudget budget;
    private final Path scratch;
    private final int depth;
    private final Receiver receiver;

    EmbeddedFiles(ExtractionBudget budget, Path scratch, int depth, Receiver receiver) {
        this.budget = budget;
        this.scratch = scratch;
        this.depth = depth;
        this.receiver = receiver;
    }

    /** Everything but thumbnails: a picture of the first page would only repeat its text. */
    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return !TikaCoreProperties.EmbeddedResourceType.THUMBNAIL.toString()
                .equals(metadata.get(TikaCoreProperties.EMBEDDED_RESOURCE_TYPE));
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws IOException {
        budget.checkTime();
        budget.enterEmbedded(depth + 1);
        Path copy = Files.createTempFile(scratch, "part-", ".bin");
        try {
            spool(stream, copy);
            receiver.receive(copy, nameOf(metadata), depth + 1);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private void spool(InputStream stream, Path copy) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(copy)) {
            for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                budget.addExpandedBytes(read);
                out.write(buffer, 0, read);
            }
        }
    }

    private String nameOf(Metadata metadata) {
        for (String key : new String[] {TikaCoreProperties.RESOURCE_NAME_KEY, TikaCoreProperties.EMBEDDED_RELATIONSHIP_ID}) {
            String value = metadata.get(key);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        String title = metadata.get(TikaCoreProperties.TITLE);
        return title != null && !title.isBlank() ? title.strip() : null;
    }
}
