package dev.docflow.ingest.source;

import dev.docflow.connectors.objectstore.StoredObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;

/**
 * Emits the objects the enumerator assigns, asking for more when it has none: one object is a whole
 * split, so a checkpoint holds at most the objects assigned and not yet emitted (a request's worth).
 */
final class ObjectSplitReader implements SourceReader<StoredObject, ObjectSplit> {
    private final SourceReaderContext context;
    private final Deque<ObjectSplit> assigned = new ArrayDeque<>();
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private boolean requested;
    private boolean noMoreSplits;

    ObjectSplitReader(SourceReaderContext context) {
        this.context = context;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<StoredObject> output) {
        ObjectSplit split = assigned.poll();
        if (split != null) {
            output.collect(split.object());
        }
        if (!assigned.isEmpty()) {
            return InputStatus.MORE_AVAILABLE;
        }
        if (noMoreSplits) {
            return InputStatus.END_OF_INPUT;
        }
        if (!requested) {
            requested = true;
            context.sendSplitRequest();
        }
        if (available.isDone()) {
            available = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public void addSplits(List<ObjectSplit> splits) {
        assigned.addAll(splits);
        requested = false;
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public List<ObjectSplit> snapshotState(long checkpointId) {
        return List.copyOf(assigned);
    }

    @Override
    public void close() {}
}
