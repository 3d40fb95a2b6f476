package dev.docflow.ingest.parse.worker;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.ingest.model.BlockKind;
import dev.docflow.ingest.model.DocumentPart;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.ExtractedTable;
import dev.docflow.ingest.model.OcrPage;
import dev.docflow.ingest.model.TextBlock;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseLimits;
import dev.docflow.ingest.parse.worker.Frames.ProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The payloads of the worker protocol's frames ({@link Frames}), field by field in a plain binary
 * layout (big-endian numbers; strings as a byte length, -1 for null, and UTF-8; arrays as a count
 * and their elements). The model records are not {@link java.io.Serializable} and need not become
 * so; the settings records are, and travel once per worker with Java serialization, read back
 * through a filter that admits only them.
 */
public final class WorkerMessages {
    private WorkerMessages() {}

    /** A document to extract: its reference and the local file holding its bytes (the parent keeps and deletes it). */
    public record ExtractRequest(DocumentRef ref, Path file) {}

    /** What the worker's extraction threw: the document's failure reason and message. */
    public record Failure(FailureReason reason, String message) {}

    /** What a worker is configured with; sent once, before the first document. */
    public record Settings(ParseLimits limits, ExtractionSettings extraction) {}

    public static byte[] settings(Settings settings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(settings.limits());
            out.writeObject(settings.extraction());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static Settings settings(byte[] payload) throws ProtocolException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "dev.docflow.ingest.parse.*;dev.docflow.ingest.ocr.OcrSettings;java.lang.Enum;maxdepth=5;!*"));
            return new Settings((ParseLimits) in.readObject(), (ExtractionSettings) in.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new ProtocolException("unreadable settings: " + e);
        }
    }

    public static byte[] ready() {
        return ByteBuffer.allocate(4).putInt(Frames.VERSION).array();
    }

    public static void checkReady(byte[] payload) throws ProtocolException {
        int version = new Reader(payload).integer();
        if (version != Frames.VERSION) {
            throw new ProtocolException("worker speaks protocol version " + version + ", not " + Frames.VERSION);
        }
    }

    public static byte[] request(ExtractRequest request) {
        return write(out -> {
            DocumentRef ref = request.ref();
            string(out, ref.documentId());
            string(out, ref.tenant());
            string(out, ref.knowledgeBase());
            string(out, ref.knowledgeBaseId());
            string(out, ref.objectKey());
            string(out, ref.fileName());
            out.writeLong(ref.sizeBytes());
            out.writeLong(ref.uploadedAt());
            string(out, request.file().toString());
        });
    }

    public static ExtractRequest request(byte[] payload) throws ProtocolException {
        Reader in = new Reader(payload);
        DocumentRef ref = new DocumentRef(in.string(), in.string(), in.string(), in.string(), in.string(),
                in.string(), in.longInteger(), in.longInteger());
        ExtractRequest request = new ExtractRequest(ref, Path.of(in.string()));
        in.end();
        return request;
    }

    public static byte[] failure(Failure failure) {
        return write(out -> {
            string(out, failure.reason().code());
            string(out, failure.message());
        });
    }

    public static Failure failure(byte[] payload) throws ProtocolException {
        Reader in = new Reader(payload);
        String reason = in.string();
        String message = in.string();
        in.end();
        if (reason == null) {
            throw new ProtocolException("a failure without a reason");
        }
        try {
            return new Failure(FailureReason.of(reason), message);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(e.getMessage());
        }
    }

    /** The document without its reference: the parent has that already. */
    public static byte[] extracted(ExtractedDocument document) {
        return write(out -> {
            string(out, document.contentType());
            out.writeInt(document.pageCount());
            string(out, document.text());
            out.writeInt(document.blocks().length);
            for (TextBlock block : document.blocks()) {
                out.writeInt(block.part());
                out.writeInt(block.page());
                out.writeByte(block.kind().ordinal());
                out.writeInt(block.headingLevel());
                out.writeInt(block.start());
                out.writeInt(block.end());
            }
            out.writeInt(document.parts().length);
            for (DocumentPart part : document.parts()) {
                string(out, part.path());
                string(out, part.contentType());
                out.writeInt(part.pageCount());
            }
            out.writeInt(document.tables().length);
            for (ExtractedTable table : document.tables()) {
                out.writeInt(table.part());
                out.writeInt(table.page());
                out.writeInt(table.index());
                out.writeInt(table.cells().length);
                for (String[] row : table.cells()) {
                    out.writeInt(row.length);
                    for (String cell : row) {
                        string(out, cell);
                    }
                }
            }
            out.writeInt(document.ocrPages().length);
            for (OcrPage page : document.ocrPages()) {
                out.writeInt(page.part());
                out.writeInt(page.page());
                out.writeFloat(page.confidence());
                out.writeLong(page.millis());
            }
            out.writeLong(document.deadlineMillis());
            string(out, document.ref().title());
        });
    }

    public static ExtractedDocument extracted(DocumentRef ref, byte[] payload) throws ProtocolException {
        Reader in = new Reader(payload);
        String contentType = in.string();
        int pageCount = in.integer();
        String text = in.string();
        // every element takes at least a byte of the payload: a count over what is left is a broken stream
        TextBlock[] blocks = new TextBlock[in.count()];
        BlockKind[] kinds = BlockKind.values();
        for (int i = 0; i < blocks.length; i++) {
            int part = in.integer();
            int page = in.integer();
            int kind = in.unsignedByte();
            if (kind >= kinds.length) {
                throw new ProtocolException("unknown block kind " + kind);
            }
            blocks[i] = new TextBlock(part, page, kinds[kind], in.integer(), in.integer(), in.integer());
        }
        DocumentPart[] parts = new DocumentPart[in.count()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new DocumentPart(in.string(), in.string(), in.integer());
        }
        ExtractedTable[] tables = new ExtractedTable[in.count()];
        for (int i = 0; i < tables.length; i++) {
            int part = in.integer();
            int page = in.integer();
            int index = in.integer();
            String[][] cells = new String[in.count()][];
            for (int row = 0; row < cells.length; row++) {
                cells[row] = new String[in.count()];
                for (int cell = 0; cell < cells[row].length; cell++) {
                    cells[row][cell] = in.string();
                }
            }
            tables[i] = new ExtractedTable(part, page, index, cells);
        }
        OcrPage[] ocrPages = new OcrPage[in.count()];
        for (int i = 0; i < ocrPages.length; i++) {
            ocrPages[i] = new OcrPage(in.integer(), in.integer(), in.floatingPoint(), in.longInteger());
        }
        long deadline = in.longInteger();
        String title = in.string();
        in.end();
        return new ExtractedDocument(ref.withTitle(title), contentType, pageCount, text, blocks, parts, tables, ocrPages, deadline);
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /** Reads a payload, every length checked against what is left of it. */
    private static final class Reader {
        private final ByteBuffer buffer;

        Reader(byte[] payload) {
            this.buffer = ByteBuffer.wrap(payload);
        }

        int integer() throws ProtocolException {
            try {
                return buffer.getInt();
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        long longInteger() throws ProtocolException {
            try {
                return buffer.getLong();
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        float floatingPoint() throws ProtocolException {
            try {
                return buffer.getFloat();
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        int unsignedByte() throws ProtocolException {
            try {
                return buffer.get() & 0xff;
            } catch (BufferUnderflowException e) {
                throw truncated();
            }
        }

        int count() throws ProtocolException {
            int count = integer();
            if (count < 0 || count > buffer.remaining()) {
                throw new ProtocolException("a count of " + count + " with " + buffer.remaining() + " bytes left");
            }
            return count;
        }

        String string() throws ProtocolException {
            int length = integer();
            if (length == -1) {
                return null;
            }
            if (length < -1 || length > buffer.remaining()) {
                throw new ProtocolException("a string of " + length + " bytes with " + buffer.remaining() + " left");
            }
            String value = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return value;
        }

        void end() throws ProtocolException {
            if (buffer.hasRemaining()) {
                throw new ProtocolException(buffer.remaining() + " bytes after the end of the payload");
            }
        }

        private static ProtocolException truncated() {
            return new ProtocolException("payload ends early");
        }
    }
}
