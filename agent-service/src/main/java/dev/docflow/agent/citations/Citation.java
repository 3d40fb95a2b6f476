package dev.docflow.agent.citations;

/**
 * A numbered source of an answer; the answer's {@code [n]} markers refer to {@code n}.
 *
 * @param part lineage of the embedded file cited ({@code mail.eml › report.pdf}); null when the
 *     passage is from the file itself
 * @param page first page, 1-based; null when the format has no pages
 * @param pageEnd last page; null when the format has no pages
 * @param snippet the exact text of the cited passage
 * @param score the passage's fusion score
 * @param sourceUrl a short-lived link to download the cited file; null where none was made
 */
public record Citation(
        int n,
        String documentId,
        String fileName,
        String part,
        Integer page,
        Integer pageEnd,
        String headingPath,
        String snippet,
        double score,
        String sourceUrl) {

    public Citation withSourceUrl(String url) {
        return new Citation(n, documentId, fileName, part, page, pageEnd, headingPath, snippet, score, url);
    }
}
