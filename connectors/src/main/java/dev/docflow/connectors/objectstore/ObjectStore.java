package dev.docflow.connectors.objectstore;

import io.minio.GetPresignedObjectUrlArgs;
import io.minio.http.Method;
import java.time.Duration;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.ServerException;
import java.util.Optional;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.PutObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Documents' bytes in an S3-compatible bucket, through the MinIO SDK. Thread-safe. Reads take a key
 * of this bucket or an {@code s3://bucket/key} of another ({@link ObjectLocation}); writes and
 * removals touch this bucket only.
 *
 * <p>Keys are {@code <tenant>/<knowledge base>/<path>} for files placed for the bulk job (see
 * {@link #keyOf}), and {@code <tenant>/<knowledge base>/.versions/<document id>/<version id>/<file
 * name>} for uploads through the API, one key per upload (see {@link #versionKeyOf}): a new
 * version never overwrites the file an older one is served from.
 */
public final class ObjectStore {
    /** S3 servers that ignore regions (MinIO, s3proxy) accept links signed for the default one. */
    static final String SIGNING_REGION = "us-east-1";

    private final ObjectStoreSettings settings;
    private final MinioClient client;
    private final MinioClient signer;

    public ObjectStore(ObjectStoreSettings settings) {
        this.settings = settings;
        this.client = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .build();
        long millis = settings.timeout().toMillis();
        client.setTimeout(millis, millis, millis);
        // its own client: a known region spares presigning a GetBucketLocation round trip
        this.signer = MinioClient.builder()
                .endpoint(settings.endpoint())
                .credentials(settings.accessKey(), settings.secretKey())
                .region(SIGNING_REGION)
                .build();
    }

    public static String prefixOf(String tenant, String knowledgeBase) {
        return tenant + "/" + knowledgeBase + "/";
    }

    public static String keyOf(String tenant, String knowledgeBase, String path) {
        return prefixOf(tenant, knowledgeBase) + path;
    }

    /** The folder of a knowledge base that holds uploaded versions: reserved, never listed as files. */
    public static final String VERSIONS_FOLDER = ".versions/";

    /** Where every version of one uploaded document is kept. */
    public static String versionsPrefixOf(String tenant, String knowledgeBase, String documentId) {
        return prefixOf(tenant, knowledgeBase) + VERSIONS_FOLDER + documentId + "/";
    }

    /** The key of one uploaded version; {@code versionId} is unique to the upload. */
    public static String versionKeyOf(String tenant, String knowledgeBase, String documentId, String versionId,
            String fileName) {
        return versionsPrefixOf(tenant, knowledgeBase, documentId) + versionId + "/" + fileName;
    }

    /** Whether a path under a knowledge base's prefix is in its reserved versions folder. */
    public static boolean isVersionPath(String pathInKnowledgeBase) {
        return pathInKnowledgeBase.startsWith(VERSIONS_FOLDER);
    }

    /**
     * A link anyone holding it can GET the object with until {@code ttl} passes. Made offline: the
     * signature is computed here, so a store reachable only by clients can be named as endpoint.
     * The link serves the file with {@link DownloadHeaders}: HTML, SVG or scripts never open inline.
     */
    public String presignedGet(String key, Duration ttl) {
        ObjectLocation at = locate(key);
        DownloadHeaders headers = DownloadHeaders.of(at.key());
        return call(() -> signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET).bucket(at.bucket()).object(at.key())
                // the link decides how the file is served, whatever it was stored with
                .extraQueryParams(java.util.Map.of("response-content-type", headers.contentType(),
                        "response-content-disposition", headers.contentDisposition()))
                .expiry((int) ttl.toSeconds()).build()), "presign " + key);
    }

    /** Where {@code key} (a plain key of this bucket, or {@code s3://bucket/key}) is. */
    private ObjectLocation locate(String key) {
        return ObjectLocation.of(key, settings.bucket());
    }

    public void ensureBucket() {
        call(() -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(settings.bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(settings.bucket()).build());
            }
            return null;
        }, "create bucket " + settings.bucket());
    }

    /** Streams a local file into the store (multipart for large files, never whole in memory). */
    public void upload(String key, Path file, String contentType) {
        DownloadHeaders headers = DownloadHeaders.of(key);
        call(() -> client.uploadObject(UploadObjectArgs.builder()
                .bucket(settings.bucket()).object(key).filename(file.toString()).contentType(contentType)
                .headers(java.util.Map.of("Content-Disposition", headers.contentDisposition())).build()),
                "upload " + key);
    }

    /**
     * Streams {@code size} bytes into the store as they arrive (in parts for large objects), for
     * uploads that are not a local file. Stored with a {@code Content-Disposition} from {@link
     * DownloadHeaders}.
     */
    public void put(String key, InputStream content, long size, String contentType) {
        DownloadHeaders headers = DownloadHeaders.of(key);
        call(() -> client.putObject(PutObjectArgs.builder()
                .bucket(settings.bucket()).object(key).stream(content, size, -1).contentType(contentType)
                .headers(java.util.Map.of("Content-Disposition", headers.contentDisposition())).build()),
                "store " + key);
    }

    /**
     * The object's bytes, or empty when there is no such object (deleted since it was listed or
     * announced); the caller closes the stream. Any other failure throws.
     */
    public Optional<InputStream> openIfExists(String key) {
        ObjectLocation at = locate(key);
        try {
            return Optional.of(client.getObject(GetObjectArgs.builder().bucket(at.bucket()).object(at.key()).build()));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw failure("read " + key, e);
        } catch (Exception e) {
            throw failure("read " + key, e);
        }
    }

    /** Whether the object is there; any failure other than its absence throws. */
    public boolean exists(String key) {
        ObjectLocation at = locate(key);
        try {
            client.statObject(io.minio.StatObjectArgs.builder().bucket(at.bucket()).object(at.key()).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchObject".equals(e.errorResponse().code())) {
                return false;
            }
            throw failure("look up " + key, e);
        } catch (Exception e) {
            throw failure("look up " + key, e);
        }
    }

    /** The object's bytes; the caller closes the stream. */
    public InputStream open(String key) {
        ObjectLocation at = locate(key);
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(at.bucket()).object(at.key()).build()),
                "read " + key);
    }

    public List<StoredObject> list(String prefix) {
        return call(() -> {
            List<StoredObject> objects = new ArrayList<>();
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(settings.bucket()).prefix(prefix).recursive(true).build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    objects.add(new StoredObject(item.objectName(), item.size(), item.etag()));
                }
            }
            return objects;
        }, "list " + prefix);
    }

    /**
     * At most {@code limit} objects under {@code prefix} whose keys come after {@code startAfter}
     * (null: from the first), in key order: one page of a listing that is walked without holding it.
     * Fewer than {@code limit} means the listing is at its end.
     */
    public List<StoredObject> listPage(String prefix, String startAfter, int limit) {
        return call(() -> {
            List<StoredObject> objects = new ArrayList<>(Math.min(limit, 1000));
            ListObjectsArgs.Builder args = ListObjectsArgs.builder().bucket(settings.bucket()).prefix(prefix)
                    .recursive(true).maxKeys(Math.min(limit, 1000));
            if (startAfter != null) {
                args.startAfter(startAfter);
            }
            // the iterable fetches the next page only when asked for it: stopping at the limit stops the requests
            for (Result<Item> result : client.listObjects(args.build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    objects.add(new StoredObject(item.objectName(), item.size(), item.etag()));
                    if (objects.size() == limit) {
                        break;
                    }
                }
            }
            return objects;
        }, "list " + prefix + " after " + startAfter);
    }

    /**
     * Removes every object under {@code prefix}, a page at a time, so that a knowledge base of
     * millions of files is removed without its listing held in memory.
     *
     * @return the objects removed
     */
    public long removeAll(String prefix) {
        return removeAll(prefix, REMOVAL_PAGE);
    }

    static final int REMOVAL_PAGE = 1000;

    long removeAll(String prefix, int page) {
        long removed = 0;
        String after = null;
        List<StoredObject> objects;
        do {
            objects = listPage(prefix, after, page);
            for (StoredObject object : objects) {
                remove(object.key());
            }
            removed += objects.size();
            after = objects.isEmpty() ? after : objects.get(objects.size() - 1).key();
        } while (objects.size() == page);
        return removed;
    }

    /**
     * Removes the object {@code key} of Docflow's bucket. An object of another bucket (a bulk job's
     * {@code s3://bucket/prefix} source) is left where it is: Docflow indexed it, it does not own it.
     */
    public void remove(String key) {
        if (ObjectLocation.isElsewhere(key, settings.bucket())) {
            return;
        }
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key).build());
            return null;
        }, "remove " + key);
    }

    private interface StoreCall<T> {
        T run() throws Exception;
    }

    private <T> T call(StoreCall<T> call, String what) {
        try {
            return call.run();
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    /**
     * {@link ObjectStoreUnavailableException} when the store is unreachable or answers with a server
     * error (what a restart looks like), a plain {@link ObjectStoreException} when it refuses.
     */
    private ObjectStoreException failure(String what, Exception e) {
        if (e instanceof IOException) {
            return new ObjectStoreUnavailableException("Object store at " + settings.endpoint() + " is unreachable: " + what, e);
        }
        if (e instanceof ServerException
                || e instanceof ErrorResponseException response && response.response() != null && response.response().code() >= 500) {
            return new ObjectStoreUnavailableException("Object store failed to " + what + ": " + e.getMessage(), e);
        }
        return new ObjectStoreException("Object store failed to " + what + ": " + e.getMessage(), e);
    }
}
