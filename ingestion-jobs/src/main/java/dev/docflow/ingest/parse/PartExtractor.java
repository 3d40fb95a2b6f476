package dev.docflow.ingest.parse;

import static dev.docflow.connectors.contract.FailureReason.*;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentPart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import dev.docflow.ingest.ocr.ImageFrames;
import dev.docflow.ingest.ocr.OcrSettings;
import dev.docflow.ingest.ocr.OcrText;
import dev.docflow.ingest.ocr.TesseractOcr;
import org.apache.tika.mime.MediaTypeRegistry;
import java.util.Map;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one file of a document (the document itself, or a file found inside it) into a part, and
 * the files inside it, recursively, into parts of their own.
 *
 * <p>Tika's own OCR stays off (it would shell out to the {@code tesseract} command whenever that is
 * installed): OCR is done here, page by page, with Tess4J.
 */
final class PartExtractor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PartExtractor.class);

    private final AutoDetectParser tika = new AutoDetectParser();
    /** Without parameters: Tika lists some types with them ({@code application/vnd.wordperfect; version=6.x}). */
    private final Set<MediaType> supportedBaseTypes = tika.getSupportedTypes(new ParseContext()).stream()
            .map(MediaType::getBaseType).collect(java.util.stream.Collectors.toSet());
    private final OcrSettings ocr;
    private final ImageText images;
    private final PdfPagePass pdfPages;

    /** @param tables finds the tables on a PDF page; {@code null} for none */
    PartExtractor(ExtractionSettings settings, PdfPagePass.PageTables tables) {
        this.ocr = settings.ocr();
        this.images = new ImageText(new ImageFrames(ocr));
        this.pdfPages = new PdfPagePass(ocr, settings.tables() ? tables : null);
    }

    /**
     * Extracts the document at {@code file} and everything in it into {@code assembler}.
     *
     * @param tesseract this thread's OCR engine, made on first use
     */
    void extract(Path file, String fileName, ExtractionBudget budget, Path scratch, DocumentAssembler assembler,
            Supplier<TesseractOcr> tesseract) throws IOException {
        MediaType type = readable(file, detect(file, fileName));
        if (!isReadable(type) && !(ocr.enabled() && ContentTypes.isImage(type))) {
            String hint = ContentTypes.isImage(type) ? " (images are read by OCR, which is off: ocr.enabled)" : "";
            throw new DocumentFailedException(UNSUPPORTED, "Docflow cannot read files of type " + type.getBaseType() + hint);
        }
        Run run = new Run(budget, scratch, assembler, tesseract);
        run.part(file, new DocumentPart(fileName, type.getBaseType().toString(), 0), type, 0);
        if (assembler.isEmpty() && !run.skipped.isEmpty()) {
            throw new DocumentFailedException(UNSUPPORTED, "it holds only files Docflow cannot read: "
                    + String.join(", ", run.skipped.subList(0, Math.min(5, run.skipped.size()))));
        }
    }

    /** The extraction of one document: its budget and where its parts go. */
    private final class Run {
        private final ExtractionBudget budget;
        private final Path scratch;
        private final DocumentAssembler assembler;
        private final Supplier<TesseractOcr> tesseract;
        private final List<String> skipped = new ArrayList<>();
        private int unnamed;

        Run(ExtractionBudget budget, Path scratch, DocumentAssembler assembler, Supplier<TesseractOcr> tesseract) {
            this.budget = budget;
            this.scratch = scratch;
            this.assembler = assembler;
            this.tesseract = tesseract;
        }

        void part(Path file, DocumentPart part, MediaType type, int depth) throws IOException {
            budget.checkTime();
            int slot = assembler.reserve();
            PartContent content = new PartContent(budget);
            Map<Integer, OcrText> ocrRead = Map.of();
            boolean paged = ContentTypes.isPdf(type);
            if (ContentTypes.isImage(type)) {
                ocrRead = images.read(file, content, tesseract.get(), budget);
                paged = content.pageCount() > 1;
            } else {
                parseInto(content, file, fileNameOf(part), part, type, depth, paged);
            }
            if (ContentTypes.isPdf(type)) {
                // headers go first: a scan stamped with a running header is still a scan
                content.replaceDrafts(RunningHeaders.remove(content.drafts(), content.pageCount()));
                if (pdfPages.isNeeded()) {
                    ocrRead = pdfPages.apply(file, content, budget, tesseract);
                }
            }
            assembler.put(slot, new DocumentPart(part.path(), part.contentType(), paged ? content.pageCount() : 0),
                    content, ocrRead);
        }

        /** Parses {@code file} into {@code content}; the files inside it become children of {@code part}. */
        private void parseInto(PartContent content, Path file, String fileName, DocumentPart part, MediaType type, int depth,
                boolean paged) {
            Metadata metadata = new Metadata();
            // the detected type goes with it: a mail's body must not be taken for a mail by its name
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            metadata.set(Metadata.CONTENT_TYPE, type.toString());
            try (TikaInputStream stream = TikaInputStream.get(file)) {
                ParseContext context = context(new EmbeddedFiles(budget, scratch, depth, (inner, name, innerDepth) ->
                        embedded(inner, content, part, name, innerDepth)));
                if (ContentTypes.isDelimited(type)) {
                    List<List<String>> rows = PlainTextReader.readTable(file, ContentTypes.delimiterOf(type), budget);
                    content.addTable(rows, 0);
                } else if (ContentTypes.isPlainText(type)) {
                    PlainTextBlocks.addTo(content, PlainTextReader.read(file, budget), ContentTypes.isMarkdown(type, fileName));
                } else if (ContentTypes.isXml(type)) {
                    LooseXml.parse(tika, file, new BlockContentHandler(content, budget, paged), metadata, context,
                            () -> content.replaceDrafts(List.of()));
                } else {
                    tika.parse(stream, new BlockContentHandler(content, budget, paged), metadata, context);
                    // dc:title: a PDF's info or XMP title, an HTML <title>, a DOCX's core properties
                    content.declareTitle(metadata.get(TikaCoreProperties.TITLE));
                }
            } catch (DocumentFailedException e) {
                throw e;
            } catch (Exception e) {
                throw FailureClassifier.classify(e);
            }
        }

        /**
         * A file inside a part. A nameless text (the body of a mail) is read as the part's own text;
         * anything else becomes a part of its own. One that cannot be read is skipped (the rest of
         * the document is still worth indexing); the document's limits, though, hold for everything
         * inside it.
         */
        private void embedded(Path file, PartContent parentContent, DocumentPart parent, String name, int depth) {
            String label = name != null ? name : "embedded file";
            try {
                MediaType type = readable(file, detect(file, name != null ? name : ""));
                if (ContentTypes.isImage(type)) {
                    if (ocr.enabled() && ocr.embeddedImages()) {
                        embeddedImage(file, parent, name != null ? name : "image " + (++unnamed), type, depth);
                    }
                    return;
                }
                if (!isReadable(type)) {
                    skipped.add(parent.path() + DocumentPart.PATH_SEPARATOR + label + " (" + type.getBaseType() + ")");
                    return;
                }
                if (name == null && ContentTypes.isBodyText(type)) {
                    parseInto(parentContent, file, "", parent, type, depth, false);
                    return;
                }
                String partName = name != null ? name : (ContentTypes.isMessage(type) ? "message " : "attachment ") + (++unnamed);
                part(file, parent.child(partName, type.getBaseType().toString(), 0), type, depth);
            } catch (DocumentFailedException e) {
                if (e.reason().equals(TOO_LARGE) || e.reason().equals(TOO_DEEP) || e.reason().equals(TIMEOUT)
                        || e.reason().equals(INTERNAL_ERROR)) {
                    throw e;
                }
                LOG.info("embedded file skipped part={} reason={}: {}",
                        parent.path() + DocumentPart.PATH_SEPARATOR + label, e.reason(), e.getMessage());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * An image inside a document (a scanned page pasted into a DOCX, a slide's picture) becomes a
         * part of its own when OCR finds text in it; one it cannot read, or too large to decode, is
         * skipped without failing the document.
         */
        private void embeddedImage(Path file, DocumentPart parent, String label, MediaType type, int depth)
                throws IOException {
            try {
                part(file, parent.child(label, type.getBaseType().toString(), 0), type, depth);
            } catch (DocumentFailedException e) {
                if (e.reason().equals(TIMEOUT) || e.reason().equals(INTERNAL_ERROR)) {
                    throw e;
                }
                LOG.info("embedded image skipped part={} reason={}: {}",
                        parent.path() + DocumentPart.PATH_SEPARATOR + label, e.reason(), e.getMessage());
            }
        }
    }

    /**
     * Whether Docflow reads files of this type: a document format some Tika parser handles (directly
     * or through a supertype, as {@code text/x-java-source} through {@code text/plain}).
     */
    boolean isReadable(MediaType type) {
        if (!ContentTypes.isDocument(type) || ContentTypes.isImage(type)) {
            return false;
        }
        MediaTypeRegistry registry = MediaTypeRegistry.getDefaultRegistry();
        for (MediaType t = type.getBaseType(); t != null && !t.equals(MediaType.OCTET_STREAM); t = registry.getSupertype(t)) {
            if (supportedBaseTypes.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A type no parser reads is still read as plain text when its bytes are text (ISA-Tab tables,
     * logs with odd names); style sheets and scripts stay unreadable.
     */
    private MediaType readable(Path file, MediaType type) throws IOException {
        if (isReadable(type) || !ContentTypes.isDocument(type) || ContentTypes.isImage(type)) {
            return type;
        }
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            MediaType sniffed = new org.apache.tika.detect.TextDetector().detect(stream, new Metadata());
            return sniffed.equals(MediaType.TEXT_PLAIN) ? MediaType.TEXT_PLAIN : type;
        }
    }

    private MediaType detect(Path file, String name) throws IOException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            return tika.getDetector().detect(stream, metadata);
        }
    }

    private ParseContext context(EmbeddedDocumentExtractor embedded) {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        context.set(HtmlMapper.class, BoilerplateHtml.MAPPER);
        context.set(EmbeddedDocumentExtractor.class, embedded);
        return context;
    }

    private static String fileNameOf(DocumentPart part) {
        String path = part.path();
        int separator = path.lastIndexOf(DocumentPart.PATH_SEPARATOR);
        return separator < 0 ? path : path.substring(separator + DocumentPart.PATH_SEPARATOR.length());
    }

    @Override
    public void close() {}
}
