package dev.docflow.ingest.parse.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The framing of the parse worker protocol, over the worker's stdin and stdout: each frame is
 * {@code int magic, byte type, int length, length bytes of payload}, big-endian. The magic catches a
 * stream something else wrote into (a parser printing to stdout) at the first frame it spoils; the
 * length is checked against a bound before anything is allocated, so a broken stream cannot make
 * the reader (the TaskManager) allocate what it claims.
 *
 * <p>Frames, in order: parent → worker {@link Type#SETTINGS} once, worker → parent {@link Type#READY}
 * once; then per document parent → worker {@link Type#EXTRACT}, worker → parent {@link Type#EXTRACTED}
 * or {@link Type#FAILED}. The worker exits when its stdin ends.
 */
public final class Frames {
    static final int MAGIC = 0x44464C57; // "DFLW"
    /** Bumped when a payload changes; parent and worker come from one class path, this catches a mix-up. */
    static final int VERSION = 1;

    public enum Type {
        SETTINGS, READY, EXTRACT, EXTRACTED, FAILED;

        static Type of(byte code) throws ProtocolException {
            if (code < 0 || code >= values().length) {
                throw new ProtocolException("unknown frame type " + code);
            }
            return values()[code];
        }
    }

    public record Frame(Type type, byte[] payload) {}

    /** The stream does not follow the protocol: the worker that wrote it cannot be trusted with another document. */
    public static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }

    private Frames() {}

    public static void write(DataOutputStream out, Type type, byte[] payload) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(type.ordinal());
        out.writeInt(payload.length);
        out.write(payload);
        out.flush();
    }

    /**
     * The next frame, or {@code null} when the stream ended cleanly between frames.
     *
     * @throws EOFException when it ended inside a frame
     * @throws ProtocolException on a bad magic, type or length
     */
    public static Frame read(DataInputStream in, int maxPayloadBytes) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int magic = (first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedShort());
        if (magic != MAGIC) {
            throw new ProtocolException(String.format("bad frame magic 0x%08x (was something else written to the stream?)", magic));
        }
        Type type = Type.of(in.readByte());
        int length = in.readInt();
        if (length < 0 || length > maxPayloadBytes) {
            throw new ProtocolException("frame of " + length + " bytes, over the bound of " + maxPayloadBytes);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(type, payload);
    }
}
