package dev.docflow.ingest.source;

import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Splits in checkpoints and on their way from the enumerator to the readers. */
final class ObjectSplitSerializer implements SimpleVersionedSerializer<ObjectSplit> {
    static final ObjectSplitSerializer INSTANCE = new ObjectSplitSerializer();
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(ObjectSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public ObjectSplit deserialize(int version, byte[] bytes) throws IOException {
        requireVersion(version);
        return read(new DataInputDeserializer(bytes));
    }

    static void write(ObjectSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.key());
        out.writeLong(split.size());
        out.writeUTF(split.etag());
    }

    static ObjectSplit read(DataInputView in) throws IOException {
        return new ObjectSplit(in.readUTF(), in.readLong(), in.readUTF());
    }

    private static void requireVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown serialization version " + version + " (this build writes " + VERSION + ")");
        }
    }
}
