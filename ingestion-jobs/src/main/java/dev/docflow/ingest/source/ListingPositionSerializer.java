package dev.docflow.ingest.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** The enumerator's checkpoint: a listing's position and its pending page. */
final class ListingPositionSerializer implements SimpleVersionedSerializer<ListingPosition> {
    static final ListingPositionSerializer INSTANCE = new ListingPositionSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ListingPosition position) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeBoolean(position.lastListedKey() != null);
        if (position.lastListedKey() != null) {
            out.writeUTF(position.lastListedKey());
        }
        out.writeBoolean(position.exhausted());
        out.writeLong(position.listed());
        out.writeInt(position.pending().size());
        for (ObjectSplit split : position.pending()) {
            ObjectSplitSerializer.write(split, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public ListingPosition deserialize(int version, byte[] bytes) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown serialization version " + version + " (this build writes " + VERSION + ")");
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        String lastListedKey = in.readBoolean() ? in.readUTF() : null;
        boolean exhausted = in.readBoolean();
        long listed = in.readLong();
        int count = in.readInt();
        List<ObjectSplit> pending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pending.add(ObjectSplitSerializer.read(in));
        }
        return new ListingPosition(lastListedKey, exhausted, pending, listed);
    }
}
