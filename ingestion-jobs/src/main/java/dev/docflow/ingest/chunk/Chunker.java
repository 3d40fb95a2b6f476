package dev.docflow.ingest.chunk;

import dev.docflow.ingest.model.Chunk;
import dev.docflow.ingest.model.TextBlock;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a document's text into chunks of at most {@link ChunkingSettings#maxTokens} word pieces.
 *
 * <p>Chunks follow the document's structure: a heading starts a new chunk and sets the heading
 * path of the chunks under it; a chunk that is at least half full ends where a page ends, so most
 * citations name one page; paragraphs too long for one chunk are cut between sentences, and
 * sentences too long between words. Consecutive chunks of prose overlap by up to
 * {@link ChunkingSettings#overlapTokens}. Every chunk's text is exactly
 * {@code text.substring(charStart, charEnd)}. Thread-safe when its {@link TokenCounter} is.
 */
public final class Chunker {
    static final String HEADING_SEPARATOR = " › ";

    private final TokenCounter tokens;
    private final ChunkingSettings settings;

    public Chunker(TokenCounter tokens, ChunkingSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    public List<Chunk> chunk(String text, TextBlock[] blocks) {
        Assembly assembly = new Assembly(text);
        String[] headings = new String[7];
        for (TextBlock block : blocks) {
            if (block.isHeading()) {
                assembly.flush(0);
                headings[block.headingLevel()] = text.substring(block.start(), block.end());
                for (int level = block.headingLevel() + 1; level < headings.length; level++) {
                    headings[level] = null;
                }
                assembly.headingPath = headingPath(headings);
                assembly.add(new Unit(block.start(), block.end(), block.page(), count(text, block.start(), block.end()), false));
                continue;
            }
            for (Unit unit : units(text, block)) {
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
        return assembly.chunks;
    }

    /** A sentence or smaller piece of a block: the atoms chunks are packed from. */
    private record Unit(int start, int end, int page, int tokens, boolean prose) {}

    private List<Unit> units(String text, TextBlock block) {
        int whole = count(text, block.start(), block.end());
        if (whole <= settings.textBudget()) {
            return List.of(new Unit(block.start(), block.end(), block.page(), whole, true));
        }
        List<Unit> units = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        sentences.setText(text.substring(block.start(), block.end()));
        int from = sentences.first();
        for (int to = sentences.next(); to != BreakIterator.DONE; from = to, to = sentences.next()) {
            int start = block.start() + from;
            int end = trimEnd(text, start, block.start() + to);
            int sentenceTokens = count(text, start, end);
            if (sentenceTokens <= settings.textBudget()) {
                units.add(new Unit(start, end, block.page(), sentenceTokens, true));
            } else {
                splitByWords(text, start, end, block.page(), units);
            }
        }
        return units;
    }

    /** Cuts an over-long sentence between words (or, for a single huge word, between characters). */
    private void splitByWords(String text, int start, int end, int page, List<Unit> into) {
        int pieceStart = start;
        int pieceTokens = 0;
        int position = start;
        while (position < end) {
            int wordEnd = position;
            while (wordEnd < end && !Character.isWhitespace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            int wordTokens = count(text, position, wordEnd);
            if (wordTokens > settings.textBudget()) {
                // a "word" longer than a chunk (base64, a URL run): cut it evenly by characters
                int step = Math.max(1, (wordEnd - position) * settings.textBudget() / (wordTokens * 2));
                wordEnd = Math.min(wordEnd, position + step);
                wordTokens = count(text, position, wordEnd);
            }
            if (pieceTokens + wordTokens > settings.textBudget() && pieceTokens > 0) {
                int pieceEnd = trimEnd(text, pieceStart, position);
                into.add(new Unit(pieceStart, pieceEnd, page, count(text, pieceStart, pieceEnd), true));
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
            into.add(new Unit(pieceStart, end, page, count(text, pieceStart, end), true));
        }
    }

    private int count(String text, int start, int end) {
        return tokens.count(text.substring(start, end));
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
        final List<Chunk> chunks = new ArrayList<>();
        final List<Unit> units = new ArrayList<>();
        String headingPath = "";
        int size;

        Assembly(String text) {
            this.text = text;
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
            chunks.add(new Chunk(chunks.size(), text.substring(first.start, last.end), pageStart, pageEnd,
                    first.start, last.end, headingPath, size + 2));
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
