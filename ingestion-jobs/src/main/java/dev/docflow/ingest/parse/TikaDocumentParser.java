package dev.docflow.ingest.parse;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;

/**
 * Extracts a document's text with Apache Tika, keeping its blocks and, for paged formats, the
 * 1-based physical page of each block.
 *
 * <p>Tika's own OCR stays off (it would shell out to the {@code tesseract} command whenever that
 * is installed); OCR is a stage of ours. Thread-safe: Tika parsers are.
 */
public final class TikaDocumentParser {
    private static final MediaType MARKDOWN = MediaType.parse("text/x-web-markdown");

    private final AutoDetectParser parser = new AutoDetectParser();
    private final ParseLimits limits;

    public TikaDocumentParser(ParseLimits limits) {
        this.limits = limits;
    }

    /**
     * Parses the file at {@code file} (the caller's copy of the document).
     *
     * @throws DocumentFailedException when this document cannot be read, with the reason
     */
    public ExtractedDocument parse(DocumentRef ref, Path file) {
        long size = sizeOf(file);
        if (size == 0) {
            throw new DocumentFailedException("empty", "the file is empty");
        }
        if (size > limits.maxFileBytes()) {
            throw new DocumentFailedException("too_large",
                    "the file has " + size + " bytes, over the limit of " + limits.maxFileBytes());
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, ref.fileName());
        ExtractedTextBuilder text = new ExtractedTextBuilder(limits.maxExtractedChars());
        try (TikaInputStream stream = TikaInputStream.get(file)) {
            MediaType type = parser.getDetector().detect(stream, metadata);
            int pageCount = 0;
            if (isPlainText(type)) {
                BodyContentHandler raw = new BodyContentHandler((int) Math.min(Integer.MAX_VALUE, limits.maxExtractedChars()));
                parser.parse(stream, raw, metadata, context());
                PlainTextBlocks.addTo(text, raw.toString(), type.equals(MARKDOWN) || isMarkdownName(ref.fileName()));
            } else {
                BlockContentHandler blocks = new BlockContentHandler(text);
                parser.parse(stream, blocks, metadata, context());
                pageCount = blocks.pageCount();
            }
            if (text.blocks().length == 0) {
                throw new DocumentFailedException("empty", "no text found in the document (" + type + ")");
            }
            return new ExtractedDocument(ref, type.getBaseType().toString(), pageCount, text.text(), text.blocks());
        } catch (DocumentFailedException e) {
            throw e;
        } catch (Exception e) {
            throw classify(e);
        }
    }

    private static ParseContext context() {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    /** Maps what Tika threw to the reason users see. */
    static DocumentFailedException classify(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof EncryptedDocumentException) {
                return new DocumentFailedException("encrypted", "the document is encrypted", error);
            }
            if (cause instanceof ExtractedTextBuilder.TextLimitExceededException || WriteLimitReachedException.isWriteLimitReached(cause)) {
                return new DocumentFailedException("too_large", cause.getMessage(), error);
            }
            if (cause instanceof UnsupportedFormatException) {
                return new DocumentFailedException("unsupported", cause.getMessage(), error);
            }
        }
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new DocumentFailedException("corrupt", "the document could not be parsed: " + message, error);
    }

    private static boolean isPlainText(MediaType type) {
        return type.getType().equals("text") && (type.getSubtype().equals("plain") || type.equals(MARKDOWN)
                || type.getSubtype().equals("markdown"));
    }

    private static boolean isMarkdownName(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
