package dev.docflow.agent.citations;

import dev.docflow.agent.retrieval.RetrievedChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins retrieved chunks of one document whose character ranges overlap or touch into one passage,
 * so an answer cites "pages 3–4" once instead of two chunks that repeat their shared overlap.
 */
public final class PassageMerger {
    private PassageMerger() {}

    /**
     * @param chunks retrieved chunks, best first
     * @return passages, best first (by the best score of their chunks; ties keep input order)
     */
    public static List<Passage> merge(List<RetrievedChunk> chunks) {
        Map<String, List<RetrievedChunk>> byDocument = new LinkedHashMap<>();
        for (RetrievedChunk chunk : chunks) {
            byDocument.computeIfAbsent(chunk.documentId(), unused -> new ArrayList<>()).add(chunk);
        }
        List<Passage> passages = new ArrayList<>();
        for (List<RetrievedChunk> document : byDocument.values()) {
            document.sort(Comparator.comparingInt(RetrievedChunk::charStart).thenComparingInt(RetrievedChunk::charEnd));
            Passage current = null;
            for (RetrievedChunk chunk : document) {
                if (current != null && joinable(current, chunk)) {
                    current = join(current, chunk);
                } else {
                    if (current != null) {
                        passages.add(current);
                    }
                    current = passage(chunk);
                }
            }
            passages.add(current);
        }
        // stable: equal scores keep the order of documents in the input
        passages.sort(Comparator.comparingDouble(Passage::score).reversed());
        return passages;
    }

    /**
     * Overlapping or touching, and both texts faithful to their offsets: without that, joining on
     * offsets could cut or repeat words, so such chunks stay separate passages.
     */
    private static boolean joinable(Passage passage, RetrievedChunk chunk) {
        return chunk.charStart() <= passage.charEnd()
                && chunk.partPath().equals(passage.partPath())
                && chunk.text().length() == chunk.charEnd() - chunk.charStart()
                && passage.text().length() == passage.charEnd() - passage.charStart();
    }

    private static Passage join(Passage passage, RetrievedChunk chunk) {
        String text = passage.text();
        int end = passage.charEnd();
        if (chunk.charEnd() > end) {
            text = text + chunk.text().substring(end - chunk.charStart());
            end = chunk.charEnd();
        }
        List<String> ids = new ArrayList<>(passage.chunkIds());
        ids.add(chunk.chunkId());
        return new Passage(
                passage.documentId(),
                passage.fileName(),
                passage.partPath(),
                minPage(passage.pageStart(), chunk.pageStart()),
                Math.max(passage.pageEnd(), chunk.pageEnd()),
                passage.charStart(),
                end,
                passage.headingPath(),
                text,
                Math.max(passage.score(), chunk.score()),
                ids);
    }

    private static Passage passage(RetrievedChunk chunk) {
        return new Passage(chunk.documentId(), chunk.fileName(), chunk.partPath(), chunk.pageStart(), chunk.pageEnd(),
                chunk.charStart(), chunk.charEnd(), chunk.headingPath(), chunk.text(), chunk.score(),
                List.of(chunk.chunkId()));
    }

    /** 0 means "no pages", not "page zero". */
    private static int minPage(int a, int b) {
        if (a == 0) {
            return b;
        }
        return b == 0 ? a : Math.min(a, b);
    }
}
