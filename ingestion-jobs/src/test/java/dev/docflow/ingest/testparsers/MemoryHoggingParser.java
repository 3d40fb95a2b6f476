package dev.docflow.ingest.testparsers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AbstractParser;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;

/** Allocates and keeps memory until the heap is gone, as a parser unpacking a crafted file does. */
public final class MemoryHoggingParser extends AbstractParser {
    /** Held statically, as a leak would be: nothing is freed when the error unwinds. */
    static final List<long[]> HOARD = new ArrayList<>();

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(HostileTestTypes.HOG);
    }

    @Override
    public void parse(java.io.InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
        while (true) {
            HOARD.add(new long[1 << 20]);
        }
    }
}
