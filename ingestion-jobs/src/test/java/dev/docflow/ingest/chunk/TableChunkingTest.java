package dev.docflow.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.model.BlockKind;
import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentPart;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.ExtractedTable;
import dev.docflow.ingest.model.OcrPage;
import dev.docflow.ingest.model.TextBlock;
import dev.docflow.ingest.tables.MarkdownTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableChunkingTest {
    private static final TokenCounter WORDS = text -> text.isBlank() ? 0 : text.trim().split("\\s+").length;

    private final Chunker chunker = new Chunker(WORDS, new ChunkingSettings(32, 6));

    @Test
    void aLongTableIsSplitByWholeRowsWithTheHeaderRepeated() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Country", "Capital"));
        for (int i = 0; i < 12; i++) {
            rows.add(List.of("country" + i, "capital" + i));
        }
        String intro = "Capitals of the world.";
        String table = MarkdownTable.render(rows);
        String text = intro + "\n\n" + table;
        DocumentRef ref = new DocumentRef("d", "t", "kb", "kb-id", "key", "atlas.pdf", 0, 0);
        ExtractedDocument document = new ExtractedDocument(ref, "application/pdf", 3, text,
                new TextBlock[] {
                    new TextBlock(0, 2, BlockKind.PARAGRAPH, 0, 0, intro.length()),
                    new TextBlock(0, 3, BlockKind.TABLE, 0, intro.length() + 2, text.length())},
                new DocumentPart[] {new DocumentPart("atlas.pdf", "application/pdf", 3)},
                new ExtractedTable[] {new ExtractedTable(0, 3, 1, rows)},
                new OcrPage[] {new OcrPage(0, 3, 91.5f, 0)}, ExtractedDocument.NO_DEADLINE);

        List<Chunk> chunks = chunker.chunk(document);

        assertThat(chunks.get(0).text()).isEqualTo(intro);
        assertThat(chunks.get(0).isTable()).isFalse();
        List<Chunk> pieces = chunks.subList(1, chunks.size());
        assertThat(pieces).hasSizeGreaterThan(1).allSatisfy(piece -> {
            assertThat(piece.isTable()).isTrue();
            assertThat(piece.text()).startsWith("| Country | Capital |");
            assertThat(piece.tableCsv()).startsWith("Country,Capital");
            assertThat(piece.tableIndex()).isEqualTo(1);
            assertThat(piece.pageStart()).isEqualTo(3);
            assertThat(piece.ocrConfidence()).isEqualTo(91.5f);
            assertThat(piece.tokens()).isLessThanOrEqualTo(32);
        });
        // every body row is in exactly one piece
        for (int i = 0; i < 12; i++) {
            String row = "| country" + i + " | capital" + i + " |";
            assertThat(pieces.stream().filter(piece -> piece.text().contains(row))).hasSize(1);
        }
    }
}
