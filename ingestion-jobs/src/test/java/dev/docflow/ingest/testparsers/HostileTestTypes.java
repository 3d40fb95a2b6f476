package dev.docflow.ingest.testparsers;

import java.io.InputStream;
import java.util.Locale;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Test-only document types, detected by name, for the hostile parsers registered beside them in
 * {@code META-INF/services} of the test class path (which parse workers share): {@code *.spin} is
 * read by {@link SpinningParser}, {@code *.hog} by {@link MemoryHoggingParser}. Any other file is
 * left to Tika's own detectors.
 */
public final class HostileTestTypes implements Detector {
    public static final MediaType SPIN = MediaType.application("x-docflow-test-spin");
    public static final MediaType HOG = MediaType.application("x-docflow-test-hog");

    @Override
    public MediaType detect(InputStream input, Metadata metadata) {
        String name = String.valueOf(metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY)).toLowerCase(Locale.ROOT);
        if (name.endsWith(".spin")) {
            return SPIN;
        }
        if (name.endsWith(".hog")) {
            return HOG;
        }
        return MediaType.OCTET_STREAM;
    }
}
