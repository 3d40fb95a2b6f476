package dev.docflow.ingest.parse;

import java.util.Set;
import org.apache.tika.mime.MediaType;

/** What Docflow makes of a detected content type. */
final class ContentTypes {
    static final MediaType MARKDOWN = MediaType.parse("text/x-web-markdown");
    static final MediaType PDF = MediaType.application("pdf");

    /**
     * Types Tika would read as text but that are not documents: style sheets, scripts, fonts,
     * programs. Indexing a style sheet's selectors only adds noise to searches.
     */
    private static final Set<String> NOT_DOCUMENTS = Set.of(
            "text/css", "text/javascript", "application/javascript", "application/x-javascript",
            "application/octet-stream", "application/x-executable", "application/x-sharedlib",
            "application/x-msdownload", "application/x-dosexec", "application/java-vm",
            "application/java-archive", "application/x-font-ttf", "application/x-font-otf",
            "application/vnd.ms-fontobject", "font/ttf", "font/otf", "font/woff", "font/woff2");

    private ContentTypes() {}

    static boolean isDocument(MediaType type) {
        return !NOT_DOCUMENTS.contains(type.getBaseType().toString()) && !type.getType().equals("font");
    }

    static boolean isPlainText(MediaType type) {
        MediaType base = type.getBaseType();
        return base.equals(MediaType.TEXT_PLAIN) || base.equals(MARKDOWN) || base.getSubtype().equals("markdown");
    }

    static boolean isMarkdown(MediaType type, String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        return type.getBaseType().equals(MARKDOWN) || type.getSubtype().equals("markdown")
                || name.endsWith(".md") || name.endsWith(".markdown");
    }

    static boolean isImage(MediaType type) {
        return type.getType().equals("image") && !type.getSubtype().contains("svg");
    }

    /** The text of a mail (plain or HTML), as opposed to a file attached to it. */
    static boolean isBodyText(MediaType type) {
        String base = type.getBaseType().toString();
        return base.equals("text/plain") || base.equals("text/html") || base.equals("application/xhtml+xml");
    }

    static boolean isMessage(MediaType type) {
        return type.getBaseType().toString().equals("message/rfc822");
    }

    static boolean isDelimited(MediaType type) {
        String base = type.getBaseType().toString();
        return base.equals("text/csv") || base.equals("text/tab-separated-values");
    }

    /** Plain XML, which an XML parser refuses whole for one undeclared entity or stray ampersand. */
    static boolean isXml(MediaType type) {
        String base = type.getBaseType().toString();
        return base.equals("application/xml") || base.equals("text/xml");
    }

    static char delimiterOf(MediaType type) {
        return type.getBaseType().toString().equals("text/csv") ? ',' : '\t';
    }

    static boolean isPdf(MediaType type) {
        return type.getBaseType().equals(PDF);
    }
}
