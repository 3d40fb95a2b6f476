package dev.docflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.chunk.Chunker;
import dev.docflow.ingest.chunk.ChunkingSettings;
import dev.docflow.ingest.chunk.WordPieceTokenCounter;
import dev.docflow.ingest.model.BlockKind;
import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.ExtractedTable;
import dev.docflow.ingest.model.TextBlock;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tables on PDF pages through the whole parse stage: tabula's cells in, table chunks out. */
class PdfTableExtractionTest {
    private static final Path PDF = Path.of("src/test/resources/tables/frx_2012_disclosure.pdf");

    private final DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS, ExtractionSettings.DEFAULTS);

    @AfterEach
    void stopWorker() {
        extractor.close();
    }

    @Test
    void aRuledTableIsATableOfItsPageAndItsCellsLeaveTheProse() {
        ExtractedDocument document = extractor.extract(new DocumentRef("d", "t", "kb", "kb-id", "key", "frx.pdf", 0, 0), PDF);

        ExtractedTable table = document.tables()[0];
        assertThat(table.page()).isEqualTo(1);
        assertThat(table.index()).isEqualTo(1);
        assertThat(table.rows()).contains(List.of("AALAEI, BEHZAD", "", "HIGHLAND, IN", "MEALS", "$51.24"));
        List<TextBlock> prose = Arrays.stream(document.blocks()).filter(block -> block.kind().isProse()).toList();
        assertThat(prose).noneMatch(block -> document.text().substring(block.start(), block.end()).contains("AALAEI"));
        assertThat(document.text()).contains("| AALAEI, BEHZAD |  | HIGHLAND, IN | MEALS | $51.24 |");
        assertThat(Arrays.stream(document.blocks()).filter(block -> block.kind() == BlockKind.TABLE)).hasSize(1);
    }

    @Test
    void theTableChunksRepeatTheHeaderAndKeepTheirCsv() {
        ExtractedDocument document = extractor.extract(new DocumentRef("d", "t", "kb", "kb-id", "key", "frx.pdf", 0, 0), PDF);

        List<Chunk> tableChunks = new Chunker(new WordPieceTokenCounter(), ChunkingSettings.DEFAULTS)
                .chunk(document).stream().filter(Chunk::isTable).toList();

        assertThat(tableChunks).isNotEmpty().allSatisfy(chunk -> {
            assertThat(chunk.text()).startsWith("| Physician | Related Entity (if applicable) |");
            assertThat(chunk.pageStart()).isEqualTo(1);
            assertThat(chunk.tableCsv()).startsWith("Physician,");
            assertThat(chunk.tableIndex()).isEqualTo(1);
        });
        assertThat(tableChunks.stream().map(Chunk::text)).anyMatch(text -> text.contains("AAMODT, DENISE, E"));
    }
}
