package dev.docflow.ingest.embed;

import dev.docflow.connectors.config.ConfigSource;
import dev.docflow.ingest.chunk.Chunker;
import java.io.Serializable;
import java.time.Duration;

/**
 * How long a document may take to embed, by its size: {@code minSeconds} plus
 * {@code secondsPer1000Chunks} for each thousand chunks, counted from when the embed stage receives
 * it. The budget is the document's own, not what parsing left of {@code parse.max-seconds}: a large
 * spreadsheet that parsed slowly still gets the time its chunks need, and past it fails alone as
 * {@code timeout} at stage {@code embed}.
 *
 * <p>Why these defaults: bge-small-en-v1.5-q embeds about 10 chunks/s here with both cores busy
 * (93 s per 1,000), 4.5 chunks/s on a loaded machine (220 s); the documents in flight share one
 * embedding thread, batch by batch, so a large one also waits for its neighbours' batches. 600 s per
 * 1,000 chunks leaves room for about six large documents at once; the floor covers a small document
 * queued behind the batches of others.
 *
 * @param minSeconds what every document gets, however few its chunks ({@code embed.min-seconds})
 * @param secondsPer1000Chunks what each thousand chunks add ({@code embed.max-seconds-per-1000-chunks})
 */
public record EmbedBudget(int minSeconds, int secondsPer1000Chunks) implements Serializable {
    public static final String MIN_SECONDS = "embed.min-seconds";
    public static final String SECONDS_PER_1000_CHUNKS = "embed.max-seconds-per-1000-chunks";
    public static final EmbedBudget DEFAULTS = new EmbedBudget(120, 600);

    public EmbedBudget {
        if (minSeconds < 1) {
            throw new IllegalArgumentException(ConfigSource.describe(MIN_SECONDS) + " must be at least 1; got " + minSeconds);
        }
        if (secondsPer1000Chunks < 0) {
            throw new IllegalArgumentException(ConfigSource.describe(SECONDS_PER_1000_CHUNKS) + " must not be negative; got "
                    + secondsPer1000Chunks);
        }
    }

    /** The budget as configured: {@value #MIN_SECONDS}, {@value #SECONDS_PER_1000_CHUNKS}. */
    public static EmbedBudget from(ConfigSource source) {
        return new EmbedBudget(source.integer(MIN_SECONDS, DEFAULTS.minSeconds),
                source.integer(SECONDS_PER_1000_CHUNKS, DEFAULTS.secondsPer1000Chunks));
    }

    /** The time a document of {@code chunks} chunks may take to embed. */
    public Duration forChunks(int chunks) {
        return Duration.ofSeconds(minSeconds).plusMillis((long) chunks * secondsPer1000Chunks);
    }

    /** When a document of {@code chunks} chunks whose embedding starts at {@code startMillis} (epoch milliseconds) is out of time. */
    public long deadlineMillis(int chunks, long startMillis) {
        return startMillis + forChunks(chunks).toMillis();
    }

    /**
     * The async operator's timeout, one for all documents: the budget of the largest document the
     * chunk stage lets through ({@link Chunker#MAX_CHUNKS}) and one batch more, since a batch begun
     * just before its document's deadline runs to its end. Every document therefore meets its own
     * deadline first and fails with its own message; the operator's timeout only catches a model
     * call that never returns.
     */
    public Duration operatorTimeout() {
        return forChunks(Chunker.MAX_CHUNKS + ChunkEmbedder.BATCH);
    }
}
