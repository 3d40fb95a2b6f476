package dev.docflow.ingest.chunk;

import dev.docflow.connectors.contract.Stage;
import dev.docflow.connectors.contract.FailureReason;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.TextBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    /** One token per whitespace-separated word keeps the arithmetic of these tests visible. */
    private static final TokenCounter WORDS = text -> text.isBlank() ? 0 : text.trim().split("\\s+").length;

    private final Chunker chunker = new Chunker(WORDS, new ChunkingSettings(32, 6));

    @Test
    void everyChunkStaysWithinTheTokenLimitAndQuotesTheTextExactly() {
        Document doc = new Document();
        for (int i = 0; i < 12; i++) {
            doc.paragraph(1 + i / 4, sentence(i, 7) + " " + sentence(100 + i, 9) + " " + sentence(200 + i, 5));
        }
        List<Chunk> chunks = chunker.chunk(doc.text(), doc.blocks());

        assertThat(chunks).isNotEmpty();
        for (Chunk chunk : chunks) {
            assertThat(chunk.tokens()).isLessThanOrEqualTo(32);
            assertThat(WORDS.count(chunk.text()) + 2).isLessThanOrEqualTo(32);
            assertThat(chunk.text()).isEqualTo(doc.text().substring(chunk.charStart(), chunk.charEnd()));
        }
        assertThat(chunks).extracting(Chunk::ordinal).containsExactlyElementsOf(range(chunks.size()));
    }

    @Test
    void aDocumentMakingMoreChunksThanTheLimitFailsAsTooLargeAsSoonAsItDoes() {
        Document doc = new Document();
        for (int i = 0; i < 40; i++) {
            doc.paragraph(0, sentence(i, 25));
        }
        Chunker limited = new Chunker(WORDS, new ChunkingSettings(32, 6), 5);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> limited.chunk(doc.text(), doc.blocks()))
                .isInstanceOfSatisfying(dev.docflow.ingest.model.DocumentFailedException.class, e -> {
                    assertThat(e.stage()).isEqualTo(Stage.CHUNK);
                    assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("5 chunks");
                });
        assertThat(new Chunker(WORDS, new ChunkingSettings(32, 6), 40).chunk(doc.text(), doc.blocks())).hasSize(40);
    }

    @Test
    void noWordOfTheDocumentIsLost() {
        Document doc = new Document();
        doc.paragraph(0, sentence(0, 50) + " " + sentence(1, 70));
        doc.paragraph(0, sentence(2, 10));
        List<Chunk> chunks = chunker.chunk(doc.text(), doc.blocks());

        StringBuilder covered = new StringBuilder();
        for (Chunk chunk : chunks) {
            covered.append(' ').append(chunk.text());
        }
        for (String word : doc.text().split("\\s+")) {
            assertThat(covered.toString()).contains(word);
        }
    }

    @Test
    void consecutiveProseChunksOverlapByWholeSentences() {
        Document doc = new Document();
        doc.paragraph(0, sentence(0, 5) + " " + sentence(1, 5) + " " + sentence(2, 5) + " " + sentence(3, 5) + " "
                + sentence(4, 5) + " " + sentence(5, 5) + " " + sentence(6, 5) + " " + sentence(7, 5));
        List<Chunk> chunks = chunker.chunk(doc.text(), doc.blocks());

        assertThat(chunks).hasSizeGreaterThan(1);
        Chunk first = chunks.get(0);
        Chunk second = chunks.get(1);
        assertThat(second.charStart()).isLessThan(first.charEnd());
        String overlap = doc.text().substring(second.charStart(), first.charEnd());
        assertThat(WORDS.count(overlap)).isBetween(1, 6);
        assertThat(overlap).endsWith(".");
    }

    @Test
    void headingsStartChunksAndBuildTheHeadingPath() {
        Document doc = new Document();
        doc.heading(1, "Guide");
        doc.paragraph(0, sentence(0, 6));
        doc.heading(2, "Install");
        doc.heading(3, "Linux");
        doc.paragraph(0, sentence(1, 6));
        doc.heading(2, "Usage");
        doc.paragraph(0, sentence(2, 6));
        List<Chunk> chunks = chunker.chunk(doc.text(), doc.blocks());

        assertThat(chunks).extracting(Chunk::headingPath)
                .containsExactly("Guide", "Guide › Install", "Guide › Install › Linux", "Guide › Usage");
        assertThat(chunks.get(2).text()).startsWith("Linux").contains("W1_0");
        assertThat(chunks.get(3).text()).startsWith("Usage").doesNotContain("W1_0");
    }

    @Test
    void chunksCarryTheirPageSpanAndEndWhereAFullEnoughPageEnds() {
        Document doc = new Document();
        doc.paragraph(1, sentence(0, 20));
        doc.paragraph(2, sentence(1, 4));
        doc.paragraph(2, sentence(2, 4));
        doc.paragraph(3, sentence(3, 3));
        List<Chunk> chunks = chunker.chunk(doc.text(), doc.blocks());

        assertThat(chunks.get(0).pageStart()).isEqualTo(1);
        assertThat(chunks.get(0).pageEnd()).isEqualTo(1);
        assertThat(chunks.get(1).pageStart()).isEqualTo(2);
        // a small tail of page 2 and the start of page 3 share a chunk, which then spans both
        assertThat(chunks.get(chunks.size() - 1).pageEnd()).isEqualTo(3);
    }

    @Test
    void aSentenceLongerThanAChunkIsCutBetweenWords() {
        Document doc = new Document();
        doc.paragraph(0, sentence(0, 100));
        List<Chunk> chunks = chunker.chunk(doc.text(), doc.blocks());

        assertThat(chunks).hasSizeGreaterThanOrEqualTo(4);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.tokens()).isLessThanOrEqualTo(32));
    }

    @Test
    void eachBlockIsTokenizedOnceHoweverFinelyItIsCut() {
        Document doc = new Document();
        doc.heading(1, "Guide");
        doc.paragraph(0, sentence(0, 100));
        doc.paragraph(0, sentence(1, 20) + " " + sentence(2, 20));
        List<String> tokenized = new ArrayList<>();
        // answers a block's ranges from one pass, as the word-piece counter does
        TokenCounter onePass = new TokenCounter() {
            @Override
            public int count(String text) {
                tokenized.add(text);
                return WORDS.count(text);
            }

            @Override
            public RangeCounts ranges(String text) {
                tokenized.add(text);
                return (start, end) -> WORDS.count(text.substring(start, end));
            }
        };
        List<Chunk> chunks = new Chunker(onePass, new ChunkingSettings(32, 6)).chunk(doc.text(), doc.blocks());

        assertThat(chunks).containsExactlyElementsOf(chunker.chunk(doc.text(), doc.blocks()));
        assertThat(chunks).hasSizeGreaterThan(4);
        assertThat(tokenized).containsExactly(Arrays.stream(doc.blocks())
                .map(block -> doc.text().substring(block.start(), block.end())).toArray(String[]::new));
    }

    @Test
    void anEmptyDocumentHasNoChunks() {
        assertThat(chunker.chunk("", new TextBlock[0])).isEmpty();
    }

    private static String sentence(int id, int words) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < words; i++) {
            // capitalised like real prose: a sentence break needs a capital after the full stop
            sentence.append(i == 0 ? "W" : " w").append(id).append('_').append(i);
        }
        return sentence.append('.').toString();
    }

    private static List<Integer> range(int size) {
        List<Integer> range = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            range.add(i);
        }
        return range;
    }

    /** Builds a text and its blocks the way the parse stage does. */
    private static final class Document {
        private final StringBuilder text = new StringBuilder();
        private final List<TextBlock> blocks = new ArrayList<>();

        void paragraph(int page, String body) {
            add(page, 0, body);
        }

        void heading(int level, String title) {
            add(0, level, title);
        }

        private void add(int page, int level, String body) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            int start = text.length();
            text.append(body);
            blocks.add(TextBlock.of(page, level, start, text.length()));
        }

        String text() {
            return text.toString();
        }

        TextBlock[] blocks() {
            return blocks.toArray(new TextBlock[0]);
        }
    }
}
