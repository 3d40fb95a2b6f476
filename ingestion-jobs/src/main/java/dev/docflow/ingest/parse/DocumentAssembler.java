package dev.docflow.ingest.parse;

import dev.docflow.ingest.model.BlockKind;
import dev.docflow.ingest.model.DocumentPart;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.ExtractedTable;
import dev.docflow.ingest.model.OcrPage;
import dev.docflow.ingest.model.TextBlock;
import dev.docflow.ingest.ocr.OcrText;
import dev.docflow.ingest.tables.MarkdownTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the parts of a document into its one text, blocks separated by a blank line, and records
 * each block's offsets, so that every later offset points into exactly the text that is stored.
 * Parts are numbered in the order they were found (a file before the files inside it), though an
 * embedded file is finished before the file holding it. A part with nothing but headings (an
 * archive's list of entry names) adds no text. The document's title is the one its file (part 0)
 * declares, if {@link DocumentTitle} keeps it.
 */
final class DocumentAssembler {
    static final String BLOCK_SEPARATOR = "\n\n";

    private record Entry(DocumentPart part, PartContent content, Map<Integer, OcrText> ocrByPage) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Holds a part's place before its content is known (the files inside it come first). */
    int reserve() {
        entries.add(null);
        return entries.size() - 1;
    }

    void put(int slot, DocumentPart part, PartContent content, Map<Integer, OcrText> ocrByPage) {
        entries.set(slot, new Entry(part, content, ocrByPage));
    }

    boolean isEmpty() {
        return entries.stream().allMatch(entry -> entry == null || headingsOnly(entry.content));
    }

    ExtractedDocument build(DocumentRef ref) {
        StringBuilder text = new StringBuilder();
        List<TextBlock> blocks = new ArrayList<>();
        List<DocumentPart> parts = new ArrayList<>();
        List<ExtractedTable> tables = new ArrayList<>();
        List<OcrPage> ocrPages = new ArrayList<>();
        for (int slot = 0; slot < entries.size(); slot++) {
            Entry entry = entries.get(slot);
            if (entry == null || (slot > 0 && headingsOnly(entry.content))) {
                continue; // an embedded file that was skipped, or a list of entry names
            }
            int index = parts.size();
            parts.add(entry.part);
            if (headingsOnly(entry.content)) {
                continue;
            }
            Map<Integer, Integer> tablesOnPage = new HashMap<>();
            for (PartContent.Draft draft : entry.content.drafts()) {
                String blockText = draft.text();
                if (draft.kind() == BlockKind.TABLE) {
                    int tableIndex = tablesOnPage.merge(draft.page(), 1, Integer::sum);
                    tables.add(new ExtractedTable(index, draft.page(), tableIndex, draft.rows()));
                    blockText = MarkdownTable.render(draft.rows());
                }
                if (text.length() > 0) {
                    text.append(BLOCK_SEPARATOR);
                }
                int start = text.length();
                text.append(blockText);
                blocks.add(new TextBlock(index, draft.page(), draft.kind(), draft.headingLevel(), start, text.length()));
            }
            entry.ocrByPage.forEach((page, read) -> ocrPages.add(new OcrPage(index, page, read.confidence(), read.millis())));
        }
        DocumentPart file = parts.get(0);
        String title = DocumentTitle.of(entries.get(0).content.title(), ref.fileName());
        return new ExtractedDocument(ref.withTitle(title), file.contentType(), file.pageCount(), text.toString(),
                blocks.toArray(new TextBlock[0]), parts.toArray(new DocumentPart[0]),
                tables.toArray(new ExtractedTable[0]), ocrPages.toArray(new OcrPage[0]), ExtractedDocument.NO_DEADLINE);
    }

    private static boolean headingsOnly(PartContent content) {
        return content.drafts().stream().allMatch(draft -> draft.kind() == BlockKind.HEADING);
    }
}
