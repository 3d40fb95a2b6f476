package dev.docflow.ingest.parse.worker;

import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.TextBlock;
import dev.docflow.ingest.parse.worker.Frames.Frame;
import dev.docflow.ingest.parse.worker.Frames.Type;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny worker for the supervisor's tests: speaks the protocol and does what the file's name says:
 * {@code hang} (never answers, ignoring interrupts), {@code exit} (dies with code 7), {@code oom}
 * (allocates until its heap is gone), {@code corrupt} (fails the document), {@code garbage} (writes
 * bytes that are no frame); anything else is extracted as a document whose text is the worker's pid and temporary folder.
 */
public final class ScriptedWorkerMain {
    private ScriptedWorkerMain() {}

    public static void main(String[] args) throws Exception {
        DataOutputStream out = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        WorkerMessages.settings(Frames.read(in, ParseWorkerMain.MAX_REQUEST_BYTES).payload());
        Frames.write(out, Type.READY, WorkerMessages.ready());
        for (Frame frame = Frames.read(in, ParseWorkerMain.MAX_REQUEST_BYTES); frame != null;
                frame = Frames.read(in, ParseWorkerMain.MAX_REQUEST_BYTES)) {
            DocumentRef ref = WorkerMessages.request(frame.payload()).ref();
            switch (ref.fileName()) {
                case "hang" -> {
                    while (true) {
                        Thread.onSpinWait();
                    }
                }
                case "exit" -> System.exit(7);
                case "oom" -> {
                    List<long[]> hoard = new ArrayList<>();
                    while (true) {
                        hoard.add(new long[1 << 20]);
                    }
                }
                case "corrupt" -> Frames.write(out, Type.FAILED,
                        WorkerMessages.failure(new WorkerMessages.Failure(FailureReason.CORRUPT, "not a real file")));
                case "garbage" -> {
                    out.write("Warning: a parser printed this\n".getBytes());
                    out.flush();
                }
                default -> {
                    String text = ProcessHandle.current().pid() + " " + System.getProperty("java.io.tmpdir");
                    Frames.write(out, Type.EXTRACTED, WorkerMessages.extracted(ExtractedDocument.of(ref, "text/plain", 0,
                            text, new TextBlock[] {TextBlock.of(0, 0, 0, text.length())})));
                }
            }
        }
    }
}
