package dev.docflow.connectors.objectstore;

/**
 * Where a document's file is: a key in Docflow's own bucket (every upload, every file of a
 * knowledge base's folder), or an object of another bucket on the same store that a bulk job was
 * pointed at ({@code --source s3://bucket/prefix}). A document row's {@code object_key} holds the
 * first as the plain key and the second as {@code s3://bucket/key}, so every reader of the row
 * finds the file, and nothing of Docflow's ever writes to or deletes from another bucket.
 */
public record ObjectLocation(String bucket, String key) {
    static final String SCHEME = "s3://";

    public ObjectLocation {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("an object location needs a bucket");
        }
        if (key == null) {
            throw new IllegalArgumentException("an object location needs a key");
        }
    }

    /** The location {@code stored} names: an {@code s3://bucket/key}, or a plain key in {@code ownBucket}. */
    public static ObjectLocation of(String stored, String ownBucket) {
        if (!stored.startsWith(SCHEME)) {
            return new ObjectLocation(ownBucket, stored);
        }
        String rest = stored.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not an object in a bucket: " + stored + " (expected s3://bucket/key)");
        }
        return new ObjectLocation(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** Whether {@code stored} names an object of another bucket than Docflow's own. */
    public static boolean isElsewhere(String stored, String ownBucket) {
        return !of(stored, ownBucket).bucket().equals(ownBucket);
    }

    /** The form kept in a document's {@code object_key}: the plain key in {@code ownBucket}, else {@code s3://bucket/key}. */
    public String stored(String ownBucket) {
        return bucket.equals(ownBucket) ? key : SCHEME + bucket + "/" + key;
    }
}
