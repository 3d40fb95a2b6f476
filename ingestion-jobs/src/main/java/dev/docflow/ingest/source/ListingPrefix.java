package dev.docflow.ingest.source;

import dev.docflow.connectors.objectstore.ObjectLocation;
import dev.docflow.connectors.objectstore.ObjectStore;
import java.io.Serializable;

/**
 * Where the bulk job lists the files it ingests: a knowledge base's own folder in Docflow's bucket
 * ({@code <tenant>/<kb>/}), or any {@code s3://bucket/prefix} on the same store, read in place
 * (never copied, never deleted). A file's path in the knowledge base is its key after the prefix.
 *
 * @param bucket the bucket listed
 * @param prefix the keys' common start: empty (the whole bucket) or ending with {@code /}
 */
public record ListingPrefix(String bucket, String prefix) implements Serializable {
    private static final String SCHEME = "s3://";

    public ListingPrefix {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("a listing needs a bucket");
        }
        prefix = prefix == null ? "" : prefix;
    }

    /** The knowledge base's own folder in {@code ownBucket}. */
    public static ListingPrefix ofKnowledgeBase(String ownBucket, String tenant, String knowledgeBase) {
        return new ListingPrefix(ownBucket, ObjectStore.prefixOf(tenant, knowledgeBase));
    }

    /**
     * {@code s3://bucket} or {@code s3://bucket/some/folder}: a folder's files, its subfolders'
     * included ({@code s3://bucket/exports} lists {@code exports/…}, not {@code exports-old/…}).
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static ListingPrefix parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME) || uri.length() == SCHEME.length()) {
            throw new IllegalArgumentException("must be s3://bucket or s3://bucket/prefix; got '" + uri + "'");
        }
        String rest = uri.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("must name a bucket (s3://bucket/prefix); got '" + uri + "'");
        }
        return new ListingPrefix(bucket, prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/");
    }

    /** The file's path in the knowledge base: its key after the prefix. */
    String pathOf(String key) {
        return key.substring(prefix.length());
    }

    /** What the document's row records as its file: the key, or {@code s3://bucket/key} outside {@code ownBucket}. */
    String storedKey(String key, String ownBucket) {
        return new ObjectLocation(bucket, key).stored(ownBucket);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }
}
