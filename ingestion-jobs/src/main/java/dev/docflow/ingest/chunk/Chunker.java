package dev.docflow.ingest.chunk;

import dev.docflow.ingest.model.BlockKind;
import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentPart;
import dev.docflow.ingest.model.ExtractedDocument;
import dev.docflow.ingest.model.ExtractedTable;
import dev.docflow.ingest.model.OcrPage;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.ingest.model.TextBlock;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.ingest.tables.TableChunks;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a document's text into chunks of at most {@link ChunkingSettings#maxTokens} word pieces.
 *
 * <p>Chunks follow the document's structure: a heading starts a new chunk and sets the heading
 * path of the chunks under it; a chunk that is at least half full ends where a page ends, so most
 * citations name one page; paragraphs too long for one chunk are cut between sentences, and
 * sentences too long between words. Consecutive chunks of prose overlap by up to
 * {@link ChunkingSettings#overlapTokens}. Every chunk's text is exactly
 * {@code text.substring(charStart, charEnd)}. A document making more than {@link #MAX_CHUNKS}
 * chunks throws {@link DocumentFailedException} ({@code too_large}). Thread-safe when its
 * {@link TokenCounter} is.
 */
public final class Chunker {
    static final String HEADING_SEPARATOR = " › ";

    /**
     * Most chunks one document may make; one more and it fails as {@code too_large}, found as soon
     * as it is made, before the rest of the text is cut. Embedding runs at about 30 chunks/s here,
     * so this is minutes of one embedding worker; it is also the most chunks of one document the
     * index's stale-chunk search looks up ({@code ChunkIndex}). A 20M-character text makes about
     * twice as many.
     */
    public static final int MAX_CHUNKS = 10_000;

    private final TokenCounter tokens;
    private final ChunkingSettings settings;
    private final int maxChunks;

    public Chunker(TokenCounter tokens, ChunkingSettings settings) {
        this(tokens, settings, MAX_CHUNKS);
    }

    Chunker(TokenCounter tokens, ChunkingSettings settings, int maxChunks) {
        this.tokens = tokens;
        this.settings = settings;
        this.maxChunks = maxChunks;
    }

    /** Chunks a document of one part, with no tables and no OCR. */
    public List<Chunk> chunk(String text, TextBlock[] blocks) {
        return chunk(text, blocks, new DocumentPart[] {new DocumentPart("", "", 0)}, new ExtractedTable[0], new OcrPage[0]);
    }

    public List<Chunk> chunk(ExtractedDocument document) {
        return chunk(document.text(), document.blocks(), document.parts(), document.tables(), document.ocrPages());
    }

    private List<Chunk> chunk(String text, TextBlock[] blocks, DocumentPart[] parts, ExtractedTable[] tables, OcrPage[] ocrPages) {
        Assembly assembly = new Assembly(text, ocrPages);
        String[] headings = new String[7];
        int part = 0;
        int table = 0;
        for (TextBlock block : blocks) {
            if (block.part() != part) {
                assembly.flush(0);
                part = block.part();
                java.util.Arrays.fill(headings, null);
                assembly.part = part;
                assembly.partPath = parts[part].path();
                assembly.headingPath = "";
            }
            if (block.kind() == BlockKind.TABLE) {
                assembly.flush(0);
                assembly.addTable(tables[table++], block);
                continue;
            }
            if (block.isHeading()) {
                assembly.flush(0);
                headings[block.headingLevel()] = text.substring(block.start(), block.end());
                for (int level = block.headingLevel() + 1; level < headings.length; level++) {
                    headings[level] = null;
                }
                assembly.headingPath = headingPath(headings);
                assembly.add(new Unit(block.start(), block.end(), block.page(),
                        tokens.count(text.substring(block.start(), block.end())), false));
                continue;
            }
            boolean prose = block.kind().isProse();
            for (Unit unit : units(text, block, prose)) {
                if (assembly.size > 0 && unit.page != assembly.lastPage() && assembly.size >= settings.textBudget() / 2) {
                    // overlap would drag the previous page into this chunk's citation
                    assembly.flush(0);
                }
                if (assembly.size + unit.tokens > settings.textBudget()) {
                    assembly.flush(Math.min(settings.overlapTokens(), settings.textBudget() - unit.tokens));
                }
                assembly.add(unit);
            }
        }
        assembly.flush(0);
        return withoutRepeats(assembly.chunks);
    }

    /** Drops chunks that repeat an earlier one (a boilerplate paragraph on every page) and renumbers. */
    private static List<Chunk> withoutRepeats(List<Chunk> chunks) {
        Set<String> seen = new HashSet<>();
        List<Chunk> kept = new ArrayList<>(chunks.size());
        for (Chunk chunk : chunks) {
            // numbers count: chunks differing only in figures (two rows of a price list) are not repeats
            String key = chunk.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
            if (seen.add(key)) {
                kept.add(chunk.withOrdinal(kept.size()));
            }
        }
        return kept;
    }

    /** A sentence or smaller piece of a block: the atoms chunks are packed from. */
    private record Unit(int start, int end, int page, int tokens, boolean prose) {}

    /**
     * Counts ranges of one block, given in the document's offsets. The block is tokenized once for
     * itself, its sentences, words and pieces, which were each tokenized again before (issue 16).
     */
    private record BlockTokens(int blockStart, TokenCounter.RangeCounts ranges) {
        int count(int start, int end) {
            return ranges.count(start - blockStart, end - blockStart);
        }
    }

    private List<Unit> units(String text, TextBlock block, boolean prose) {
        String blockText = text.substring(block.start(), block.end());
        BlockTokens counts = new BlockTokens(block.start(), tokens.ranges(blockText));
        int whole = counts.count(block.start(), block.end());
        if (whole <= settings.textBudget()) {
            return List.of(new Unit(block.start(), block.end(), block.page(), whole, prose));
        }
        List<Unit> units = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(blockText);
        int from = sentences.first();
        for (int to = sentences.next(); to != BreakIterator.DONE; from = to, to = sentences.next()) {
            int start = block.start() + from;
            int end = trimEnd(text, start, block.start() + to);
            int sentenceTokens = counts.count(start, end);
            if (sentenceTokens <= settings.textBudget()) {
                units.add(new Unit(start, end, block.page(), sentenceTokens, prose));
            } else {
                splitByWords(text, start, end, block.page(), prose, counts, units);
            }
        }
        return units;
    }

    /** Cuts an over-long sentence between words (or, for a single huge word, between characters). */
    private void splitByWords(String text, int start, int end, int page, boolean prose, BlockTokens counts, List<Unit> into) {
        int pieceStart = start;
        int pieceTokens = 0;
        int position = start;
        while (position < end) {
            int wordEnd = position;
            while (wordEnd < end && !Character.isWhitespace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            int wordTokens = counts.count(position, wordEnd);
            if (wordTokens > settings.textBudget()) {
                // a "word" longer than a chunk (base64, a URL run): cut it evenly by characters
                int step = Math.max(1, (wordEnd - position) * settings.textBudget() / (wordTokens * 2));
                wordEnd = Math.min(wordEnd, position + step);
                wordTokens = counts.count(position, wordEnd);
            }
            if (pieceTokens + wordTokens > settings.textBudget() && pieceTokens > 0) {
                int pieceEnd = trimEnd(text, pieceStart, position);
                into.add(new Unit(pieceStart, pieceEnd, page, counts.count(pieceStart, pieceEnd), prose));
                pieceStart = position;
                pieceTokens = 0;
            }
            pieceTokens += wordTokens;
            position = wordEnd;
            while (position < end && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }
        if (pieceStart < end) {
            into.add(new Unit(pieceStart, end, page, counts.count(pieceStart, end), prose));
        }
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static String headingPath(String[] headings) {
        StringBuilder path = new StringBuilder();
        for (String heading : headings) {
            if (heading != null) {
                if (path.length() > 0) {
                    path.append(HEADING_SEPARATOR);
                }
                path.append(heading);
            }
        }
        return path.toString();
    }

    /** The chunk being filled, and the chunks made so far. */
    private final class Assembly {
        final String text;
        final Map<Long, Float> ocrConfidence = new HashMap<>();
        final List<Chunk> chunks = new ArrayList<>();
        final List<Unit> units = new ArrayList<>();
        String headingPath = "";
        String partPath = "";
        int part;
        int size;

        Assembly(String text, OcrPage[] ocrPages) {
            this.text = text;
            for (OcrPage page : ocrPages) {
                ocrConfidence.put(pageKey(page.part(), page.page()), page.confidence());
            }
        }

        /** A table's pieces, each a chunk of its own; they cite the whole table's range. */
        void addTable(ExtractedTable table, TextBlock block) {
            String path = headingPath;
            for (TableChunks.Piece piece : TableChunks.split(table.rows(), tokens, settings.textBudget())) {
                addChunk(new Chunk(chunks.size(), piece.markdown(), block.page(), block.page(), block.start(), block.end(),
                        path, tokens.count(piece.markdown()) + 2, partPath, piece.csv(), table.index(),
                        confidence(block.page(), block.page())));
            }
        }

        float confidence(int pageStart, int pageEnd) {
            float lowest = Float.MAX_VALUE;
            for (int page = pageStart; page <= pageEnd; page++) {
                Float confidence = ocrConfidence.get(pageKey(part, page));
                if (confidence != null) {
                    lowest = Math.min(lowest, confidence);
                }
            }
            return lowest == Float.MAX_VALUE ? Chunk.NOT_OCR : lowest;
        }

        static long pageKey(int part, int page) {
            return ((long) part << 32) | page;
        }

        void addChunk(Chunk chunk) {
            if (chunks.size() == maxChunks) {
                throw new DocumentFailedException(Stage.CHUNK, FailureReason.TOO_LARGE,
                        "the document makes more than the limit of " + maxChunks + " chunks", null);
            }
            chunks.add(chunk);
        }

        int lastPage() {
            return units.get(units.size() - 1).page;
        }

        void add(Unit unit) {
            units.add(unit);
            size += unit.tokens;
        }

        /** Ends the current chunk; up to {@code overlapBudget} tokens of its trailing prose open the next. */
        void flush(int overlapBudget) {
            if (units.isEmpty()) {
                return;
            }
            Unit first = units.get(0);
            Unit last = units.get(units.size() - 1);
            int pageStart = units.stream().mapToInt(Unit::page).min().orElse(0);
            int pageEnd = units.stream().mapToInt(Unit::page).max().orElse(0);
            addChunk(new Chunk(chunks.size(), text.substring(first.start, last.end), pageStart, pageEnd,
                    first.start, last.end, headingPath, size + 2, partPath, null, 0, confidence(pageStart, pageEnd)));
            List<Unit> carried = trailingProse(overlapBudget);
            units.clear();
            size = 0;
            carried.forEach(this::add);
        }

        private List<Unit> trailingProse(int budget) {
            List<Unit> carried = new ArrayList<>();
            // never carry the whole chunk: that would repeat it
            for (int i = units.size() - 1; i > 0; i--) {
                Unit unit = units.get(i);
                if (!unit.prose || unit.tokens > budget) {
                    break;
                }
                budget -= unit.tokens;
                carried.add(0, unit);
            }
            return carried;
        }
    }
}
