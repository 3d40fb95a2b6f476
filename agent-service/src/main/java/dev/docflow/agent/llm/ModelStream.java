package dev.docflow.agent.llm;

import dev.docflow.agent.answer.AnswerDeadlineExceededException;
import dev.docflow.agent.answer.Deadline;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One streamed model reply, read as a sequence of text pieces on the caller's thread.
 *
 * <p>Why a queue: LangChain4j calls its handler on the HTTP client's thread and swallows what the
 * handler throws (it logs a warning and reads on). Handing pieces to the request thread instead lets
 * an {@code AnswerListener}'s {@code ClientDisconnectedException} propagate where it was thrown, and
 * lets the reader {@link #close()} the stream, which closes the HTTP connection.
 */
final class ModelStream implements AutoCloseable {
    private sealed interface Event permits Piece, Completed, Failed {}

    private record Piece(String text) implements Event {}

    private record Completed() implements Event {}

    private record Failed(Throwable error) implements Event {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final LanguageModelSettings settings;
    private final Deadline deadline;
    private volatile StreamingHandle handle;
    private volatile boolean closed;
    private boolean ended;

    private ModelStream(LanguageModelSettings settings, Deadline deadline) {
        this.settings = settings;
        this.deadline = deadline;
    }

    /** Sends the request; pieces are read with {@link #next()}. */
    static ModelStream open(StreamingChatModel model, List<ChatMessage> messages, LanguageModelSettings settings,
            Deadline deadline) {
        ModelStream stream = new ModelStream(settings, deadline);
        model.chat(messages, stream.new Handler());
        return stream;
    }

    /**
     * Waits for the next piece of text.
     *
     * @return the piece; null once the reply is complete
     * @throws LanguageModelUnavailableException when the model failed, or sent nothing for
     *     {@link LanguageModelSettings#timeout()}
     * @throws AnswerDeadlineExceededException when the answer's deadline passed first (the stream is closed)
     */
    String next() {
        while (!ended) {
            boolean deadlineFirst = deadline.remaining().compareTo(settings.timeout()) < 0;
            long waitMillis = Math.max(1, (deadlineFirst ? deadline.remaining() : settings.timeout()).toMillis());
            Event event;
            try {
                event = events.poll(waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new LanguageModelUnavailableException(settings, "was abandoned: the request was interrupted", e);
            }
            if (event == null) {
                close();
                throw deadlineFirst ? deadline.exceeded() : LanguageModelUnavailableException.silent(settings);
            }
            if (deadline.passed()) {
                close(); // a model that keeps writing must not outlast the deadline either
                throw deadline.exceeded();
            }
            if (event instanceof Piece piece) {
                if (!piece.text().isEmpty()) {
                    return piece.text();
                }
            } else if (event instanceof Failed failed) {
                ended = true;
                throw LanguageModelUnavailableException.of(settings, failed.error());
            } else {
                ended = true;
            }
        }
        return null;
    }

    /** Stops the reply where it is: the connection is closed and the model stops writing. Idempotent. */
    @Override
    public void close() {
        closed = true;
        StreamingHandle known = handle;
        if (known != null && !known.isCancelled()) {
            known.cancel();
        }
    }

    private final class Handler implements StreamingChatResponseHandler {
        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (handle == null) {
                handle = context.streamingHandle();
                if (closed) {
                    // closed before the first piece came: nothing else could cancel this stream
                    handle.cancel();
                    return;
                }
            }
            events.add(new Piece(partial.text()));
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            events.add(new Completed());
        }

        @Override
        public void onError(Throwable error) {
            events.add(new Failed(error));
        }
    }
}
