package dev.docflow.bench;

import dev.docflow.connectors.contract.ChunkIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a knowledge base holds after the fault bench, against what its client was told was
 * accepted: each accepted document must be {@code indexed}, and the index must hold exactly the
 * chunk ids its row's {@code chunk_count} implies ({@code <id>:0} … {@code <id>:<n-1>}), each once.
 *
 * @param documents accepted documents
 * @param chunks chunk ids the index holds for them
 * @param lost what is missing: a document not indexed, or a chunk id its row implies and the index lacks
 * @param duplicated what is there twice or should not be: an id listed twice, an id beyond the row's
 *     count, a document (row or chunks) the client never had accepted
 */
public record IndexAudit(int documents, long chunks, List<String> lost, List<String> duplicated) {

    /** A document's row: its status and, once indexed, its chunk count. */
    public record Row(String status, Integer chunkCount) {}

    /**
     * @param accepted ids of the documents the API accepted
     * @param rows every row of the knowledge base, by document id
     * @param indexedIds every chunk id the index holds for the knowledge base, by document id, as listed
     */
    public static IndexAudit of(Collection<String> accepted, Map<String, Row> rows, Map<String, List<String>> indexedIds) {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        long chunks = 0;
        for (String id : new TreeSet<>(accepted)) {
            Row row = rows.get(id);
            List<String> ids = indexedIds.getOrDefault(id, List.of());
            chunks += ids.size();
            if (row == null) {
                lost.add(id + ": no row");
                continue;
            }
            if (!"indexed".equals(row.status()) || row.chunkCount() == null) {
                lost.add(id + ": " + row.status());
                continue;
            }
            Set<String> expected = new HashSet<>();
            for (int ordinal = 0; ordinal < row.chunkCount(); ordinal++) {
                expected.add(ChunkIds.of(id, ordinal));
            }
            Set<String> seen = new HashSet<>();
            for (String chunkId : ids) {
                if (!seen.add(chunkId)) {
                    duplicated.add(chunkId + ": listed twice");
                } else if (!expected.contains(chunkId)) {
                    duplicated.add(chunkId + ": beyond chunk_count " + row.chunkCount());
                }
            }
            expected.stream().filter(chunkId -> !seen.contains(chunkId)).sorted()
                    .forEach(chunkId -> lost.add(chunkId + ": not in the index"));
        }
        Set<String> acceptedIds = new HashSet<>(accepted);
        new TreeSet<>(rows.keySet()).stream().filter(id -> !acceptedIds.contains(id))
                .forEach(id -> duplicated.add(id + ": a row the client was never given"));
        new TreeSet<>(indexedIds.keySet()).stream().filter(id -> !acceptedIds.contains(id))
                .forEach(id -> duplicated.add(id + ": chunks of a document the client was never given"));
        return new IndexAudit(acceptedIds.size(), chunks, List.copyOf(lost), List.copyOf(duplicated));
    }
}
