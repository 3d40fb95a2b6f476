package dev.docflow.ingest.parse;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.html.JSoupParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * XML read by Tika's XML parser, and, when that refuses it as not well-formed (an entity used but
 * never declared, a bare {@code &}, a tag left open), read again for its text by an HTML parser,
 * which forgives what XML does not. An export with one bad entity is still worth indexing; a file
 * that is not markup at all still fails as {@code corrupt}, from the first reading.
 */
final class LooseXml {
    private static final Logger LOG = LoggerFactory.getLogger(LooseXml.class);
    private static final Parser FORGIVING = new JSoupParser();

    private LooseXml() {}

    /**
     * @param discardPartial called before the second reading, to drop what the first one delivered
     *     to {@code handler} before it stopped
     */
    static void parse(Parser xml, Path file, ContentHandler handler, Metadata metadata, ParseContext context,
            Runnable discardPartial) throws IOException, SAXException, TikaException {
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            xml.parse(stream, handler, metadata, context);
            return;
        } catch (TikaException e) {
            if (!notWellFormed(e)) {
                throw e;
            }
            LOG.info("XML not well-formed, read as loose markup file={}: {}", file.getFileName(), e.getCause().getMessage());
        }
        discardPartial.run();
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            FORGIVING.parse(stream, handler, metadata, context);
        }
    }

    static boolean notWellFormed(TikaException e) {
        return e.getCause() instanceof SAXException;
    }
}
