package dev.docflow.ingest.index;

import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.postgres.Database;
import dev.docflow.connectors.postgres.DatabaseSettings;
import dev.docflow.connectors.postgres.DocumentRepository;
import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentOutcome;
import dev.docflow.ingest.model.EmbeddedDocument;
import java.time.Duration;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index stage, keyed by document id: writes each document's chunks, removes what its older
 * version left, and only then emits the document's outcome ({@code indexed}, or {@code failed}
 * at stage {@code index} when Elasticsearch refused a chunk for good). Outcomes go on to
 * {@code RecordOutcomeSink}.
 *
 * <p>Why the outcome is emitted here and nowhere else: the outcome is the consequence of the
 * write, not a prediction of it. Were it emitted before the write (by the embed stage, as it once
 * was) and recorded by a sink that flushes independently of the index sink, a document whose chunks
 * Elasticsearch refused could be shown {@code indexed}, and a refused write would fail the sink, so
 * the job would replay the same document forever. Here the write is synchronous (see
 * {@link ChunkIndexWriter}): an outcome exists only once the write it reports is acknowledged, and
 * a checkpoint barrier, which passes between elements, always finds the two together.
 *
 * <p>Why keyed: all versions of one document come through one subtask, in the order they were
 * uploaded, and nothing is buffered between them, so a version's stale-chunk removal sees every
 * chunk the previous version wrote. Search sees a write only after a refresh, so the state keeps
 * how many chunks were last written for the document (for {@link #CHUNK_COUNT_TTL}): those ids are
 * deleted by count, and the search finds what older writes left. The state is part of the checkpoint, consistent with the
 * writes it describes; a replay writes the same ids again.
 *
 * <p>Why the stage asks PostgreSQL after each write whether the version is still wanted (its row
 * exists in the document's knowledge base, by id, is not {@code deleting} and names the version):
 * a delete of the document or of its knowledge base may run while the document is in flight, and
 * chunks written after the delete removed the document's chunks would stay behind for ever. The
 * delete marks the row {@code deleting} (or removes it) before it removes chunks, and removes them
 * after a refresh ({@code ChunkIndex.deleteChunks}), so every interleaving ends clean: either this
 * check runs after the mark and the stage removes what it wrote, or it ran before it, so the write
 * was acknowledged before the delete began and the delete's search finds it. Asking after the write,
 * not before it, is what closes the race. A version not wanted emits no outcome (there is no row to
 * settle; {@code RecordOutcomeSink} would ignore it anyway). A knowledge base created again under
 * the same name has another id, hence other document ids and rows: the old one's writes are never
 * wanted there.
 *
 * <p>An unavailable index ({@link ChunkIndexUnavailableException}) fails the task: an
 * infrastructure failure, retried by Flink from the last checkpoint.
 */
public class IndexChunksFunction extends KeyedProcessFunction<String, EmbeddedDocument, DocumentOutcome> {
    private static final Logger LOG = LoggerFactory.getLogger(IndexChunksFunction.class);
    static final Duration CHUNK_COUNT_TTL = Duration.ofHours(1);
    /** Counter of versions whose chunks were removed after their write because a delete had begun. */
    public static final String UNWANTED_VERSIONS_REMOVED = IndexMetrics.UNWANTED_VERSIONS_REMOVED;

    private final ElasticsearchSettings settings;
    private final DatabaseSettings database;
    private transient Database db;
    private transient ChunkIndexWriter writer;
    private transient DocumentRepository documents;
    private transient IndexMetrics metrics;
    private transient ValueState<Integer> chunksWritten;

    public IndexChunksFunction(ElasticsearchSettings settings, DatabaseSettings database) {
        this.settings = settings;
        this.database = database;
    }

    @Override
    public void open(OpenContext openContext) {
        metrics = new IndexMetrics(getRuntimeContext().getMetricGroup());
        writer = new ChunkIndexWriter(settings, metrics);
        db = Database.forSubtask(database);
        documents = db.documents();
        ValueStateDescriptor<Integer> descriptor = new ValueStateDescriptor<>("chunks-written", Types.INT);
        // needed only until search sees the write (a refresh, 1 s by default): kept an hour, so the
        // state does not grow with every document ever ingested
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(CHUNK_COUNT_TTL)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        chunksWritten = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(EmbeddedDocument document, Context context, Collector<DocumentOutcome> out) throws Exception {
        metrics.received();
        Integer before = chunksWritten.value();
        long start = System.nanoTime();
        try {
            writer.write(document, before == null ? 0 : before);
        } catch (DocumentFailedException e) {
            chunksWritten.update(0);
            metrics.failed(e.reason());
            LOG.info("document failed documentId={} stage={} reason={} file={}: {}", document.ref().documentId(),
                    e.stage().code(), e.reason(), document.ref().fileName(), e.getMessage());
            out.collect(DocumentOutcome.failed(document.ref(), e.stage(), e.reason(), e.getMessage()));
            return;
        }
        chunksWritten.update(document.chunks().length);
        if (!stillWanted(document)) {
            writer.remove(document.ref().documentId(), document.chunks().length);
            chunksWritten.update(0);
            metrics.unwantedVersionRemoved();
            LOG.info("chunks of a deleted or replaced version removed documentId={} stage=index objectKey={}",
                    document.ref().documentId(), document.ref().objectKey());
            return;
        }
        LOG.debug("document indexed documentId={} stage=index chunks={} tookMs={}", document.ref().documentId(),
                document.chunks().length, (System.nanoTime() - start) / 1_000_000);
        metrics.indexed(document.chunks().length);
        out.collect(DocumentOutcome.indexed(document.ref(), document.pageCount(), document.chunks().length));
    }

    private boolean stillWanted(EmbeddedDocument document) {
        return documents.wantsVersion(UUID.fromString(document.ref().documentId()),
                UUID.fromString(document.ref().knowledgeBaseId()), document.ref().objectKey());
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
        if (db != null) {
            db.close();
        }
    }
}
