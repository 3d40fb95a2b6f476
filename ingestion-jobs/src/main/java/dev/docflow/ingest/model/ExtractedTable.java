package dev.docflow.ingest.model;

import java.util.List;

/**
 * A table found in a document, cell by cell; its Markdown is a {@link BlockKind#TABLE} block of
 * the extracted text.
 *
 * @param page 1-based page of a paged part, 0 otherwise
 * @param index 1-based position of the table on its page (or in its part, when unpaged)
 * @param rows cells row by row; row 0 is the header
 */
public record ExtractedTable(int part, int page, int index, List<List<String>> rows) {}
