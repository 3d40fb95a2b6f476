package dev.docflow.ingest.testparsers;

import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AbstractParser;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;

/** Never returns: spins on the CPU and ignores interrupts, as a parser looping in native code does. */
public final class SpinningParser extends AbstractParser {
    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(HostileTestTypes.SPIN);
    }

    @Override
    public void parse(java.io.InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
        long spins = 0;
        while (spins >= 0) {
            spins = (spins + 1) & Long.MAX_VALUE; // Thread.interrupted() is never looked at
            Thread.onSpinWait();
        }
    }
}
