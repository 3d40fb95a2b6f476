package dev.docflow.ingest.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.ocr.OcrSettings;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.parse.DocumentExtractor;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.ingest.parse.ParseIsolation;
import dev.docflow.ingest.parse.ParseLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chunker that tokenizes each block once makes the same chunks, to the token, as the one that
 * counted everything again ({@link ReferenceChunker}), on real parsed documents: an R manual full
 * of code (blocks cut by sentences and words) and the Flink operator's Markdown docs.
 */
class ChunkerEquivalenceTest {
    private static final Path CORPUS = Path.of("../../shared/corpus");
    private static final TokenCounter WORD_PIECES = new WordPieceTokenCounter();
    /**
     * In this JVM, without OCR (no page lacks text) and PDF table detection, which would double
     * the parse time: table pieces are cut and counted by TableChunks, which both chunkers share.
     */
    private static final ExtractionSettings PARSE = new ExtractionSettings(false, OcrSettings.DEFAULTS.withEnabled(false))
            .withIsolation(ParseIsolation.IN_PROCESS);
    private static final List<ExtractedDocument> DOCUMENTS = new ArrayList<>();

    @BeforeAll
    static void parse() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return;
        }
        List<Path> files = new ArrayList<>(List.of(CORPUS.resolve("manuals/r/R-exts.pdf")));
        try (Stream<Path> docs = Files.list(CORPUS.resolve("docs/flink-kubernetes-operator"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        try (DocumentExtractor extractor = new DocumentExtractor(ParseLimits.DEFAULTS, PARSE)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    DOCUMENTS.add(extractor.extract(new DocumentRef(name, "t", "kb", "kb-id", "key", name, 0, 0), file));
                } catch (DocumentFailedException e) {
                    // an index page of front matter only: no text, nothing to chunk
                }
            }
        }
    }

    @AfterAll
    static void forget() {
        DOCUMENTS.clear();
    }

    @Test
    void realDocumentsMakeTheSameChunksAsBefore() {
        assertSameChunks(ChunkingSettings.DEFAULTS);
    }

    @Test
    void smallChunksCuttingMostBlocksBySentencesAndWordsAreTheSameAsBefore() {
        assertSameChunks(new ChunkingSettings(48, 8));
    }

    private static void assertSameChunks(ChunkingSettings settings) {
        assumeTrue(!DOCUMENTS.isEmpty(), "no corpus at " + CORPUS.toAbsolutePath());
        Chunker chunker = new Chunker(WORD_PIECES, settings);
        ReferenceChunker reference = new ReferenceChunker(WORD_PIECES, settings);
        int chunks = 0;
        for (ExtractedDocument document : DOCUMENTS) {
            List<Chunk> expected = reference.chunk(document);
            assertThat(chunker.chunk(document)).as(document.ref().fileName()).containsExactlyElementsOf(expected);
            chunks += expected.size();
        }
        assertThat(chunks).as("chunks compared").isGreaterThan(DOCUMENTS.size());
    }
}
