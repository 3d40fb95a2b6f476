package dev.docflow.ingest.parse.worker;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.parse.DocumentExtractor;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.ingest.parse.worker.Frames.Frame;
import dev.docflow.ingest.parse.worker.Frames.Type;
import dev.docflow.ingest.parse.worker.WorkerMessages.ExtractRequest;
import dev.docflow.ingest.parse.worker.WorkerMessages.Failure;
import dev.docflow.ingest.parse.worker.WorkerMessages.Settings;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import org.slf4j.LoggerFactory;

/**
 * A parse worker process: reads its settings, then extracts one document per request with the
 * in-process {@link DocumentExtractor} (parse, OCR, tables), until its stdin ends. Started and
 * killed by {@link IsolatedExtractor}. An {@link OutOfMemoryError} ends it with exit code 3
 * ({@code -XX:+ExitOnOutOfMemoryError}, see {@link WorkerCommand}).
 */
public final class ParseWorkerMain {
    /** A request is a reference and a path: small. */
    static final int MAX_REQUEST_BYTES = 1 << 20;

    private ParseWorkerMain() {}

    public static void main(String[] args) throws IOException {
        DataOutputStream out = protocolOutput();
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        Frame first = Frames.read(in, MAX_REQUEST_BYTES);
        if (first == null || first.type() != Type.SETTINGS) {
            throw new Frames.ProtocolException("expected SETTINGS first");
        }
        Settings settings = WorkerMessages.settings(first.payload());
        try (DocumentExtractor extractor = new DocumentExtractor(settings.limits(), settings.extraction())) {
            Frames.write(out, Type.READY, WorkerMessages.ready());
            for (Frame frame = Frames.read(in, MAX_REQUEST_BYTES); frame != null; frame = Frames.read(in, MAX_REQUEST_BYTES)) {
                if (frame.type() != Type.EXTRACT) {
                    throw new Frames.ProtocolException("expected EXTRACT, got " + frame.type());
                }
                ExtractRequest request = WorkerMessages.request(frame.payload());
                byte[] reply;
                Type type;
                try {
                    reply = WorkerMessages.extracted(extractor.extract(request.ref(), request.file()));
                    type = Type.EXTRACTED;
                } catch (DocumentFailedException e) {
                    reply = WorkerMessages.failure(new Failure(e.reason(), e.getMessage()));
                    type = Type.FAILED;
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(ParseWorkerMain.class).error("document failed documentId={} stage=parse"
                            + " reason=internal_error in the parse worker", request.ref().documentId(), e);
                    reply = WorkerMessages.failure(new Failure(FailureReason.INTERNAL_ERROR,
                            "Docflow failed on this document: " + e));
                    type = Type.FAILED;
                }
                Frames.write(out, type, reply);
            }
        }
    }

    /**
     * The real stdout, kept for frames; {@code System.out} becomes stderr first, before any logger
     * exists, so that a parser or a console log appender printing cannot corrupt the protocol.
     */
    private static DataOutputStream protocolOutput() {
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        return new DataOutputStream(new BufferedOutputStream(stdout, 1 << 16));
    }
}
