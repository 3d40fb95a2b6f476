package dev.docflow.ingest.model;

/**
 * A file within a document: the document itself (part 0) or a file embedded in it, such as a
 * mail's attachment, a ZIP entry or an image in a DOCX.
 *
 * @param path the part's lineage from the document, {@code mail.eml › report.pdf}; the file name
 *     for part 0
 * @param pageCount pages of a paged part, 0 otherwise
 */
public record DocumentPart(String path, String contentType, int pageCount) {
    public static final String PATH_SEPARATOR = " › ";

    public DocumentPart child(String name, String childContentType, int childPageCount) {
        return new DocumentPart(path + PATH_SEPARATOR + name, childContentType, childPageCount);
    }
}
