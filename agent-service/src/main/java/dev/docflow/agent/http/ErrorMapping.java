package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.answer.AnswerDeadlineExceededException;
import dev.docflow.agent.chat.TooManyConcurrentAnswersException;
import dev.docflow.agent.knowledgebase.DocumentNotFoundException;
import dev.docflow.agent.knowledgebase.KnowledgeBaseExistsException;
import dev.docflow.agent.knowledgebase.KnowledgeBaseNotFoundException;
import dev.docflow.agent.conversation.ConversationNotFoundException;
import dev.docflow.agent.llm.LanguageModelUnavailableException;
import dev.docflow.agent.upload.DocumentBeingDeletedException;
import dev.docflow.agent.upload.UploadTooLargeException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become HTTP errors. Domain and request errors keep their meaning (400,
 * 404, 429 with {@code Retry-After} over a limit, 502 when the language model fails, 504 past the
 * answer deadline, and Javalin's own 4xx such as an unknown route or a 401 from tenant resolution);
 * a server the service needs being down is a 503 naming it ({@link DependencyOutage}) with
 * {@code Retry-After}; only what is left is a 500. Messages to the caller name no internal detail (no model URL, no
 * exception text): the 5xx are logged with the details and the request id, which the body carries
 * too. A stream that has already begun reports the same code and message in its error event.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** What a failure looks like to the client. */
    public record Failure(HttpStatus status, String code, String message, String requestId) {
        public ErrorBody body() {
            return ErrorBody.of(code, message, requestId);
        }
    }

    private ErrorMapping() {}

    public static void register(Javalin app) {
        // Javalin answers its own HttpResponseExceptions unless a handler names that class
        app.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, failureOf(e, ctx)));
        app.exception(Exception.class, (e, ctx) -> respond(ctx, failureOf(e, ctx)));
    }

    private static final String CODE_ATTRIBUTE = "docflow.errorCode";

    /** The code of the error the request was answered with, if it was ({@link RequestMetrics} counts 429s by it). */
    public static Optional<String> codeOf(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CODE_ATTRIBUTE));
    }

    private static void respond(Context ctx, Failure failure) {
        ctx.attribute(CODE_ATTRIBUTE, failure.code());
        if (failure.status() == HttpStatus.CONTENT_TOO_LARGE) {
            // the rest of the body is unread: closing is what stops the client sending it, where
            // keeping the connection would mean reading (and discarding) all of it first
            ctx.header("Connection", "close");
        }
        ctx.status(failure.status()).json(failure.body());
    }

    /**
     * Classifies {@code e}, logging it when it is the service's fault or the language model's, and
     * sets {@code Retry-After} on {@code ctx} for a 429 (harmless once a stream has begun).
     */
    public static Failure failureOf(Exception e, Context ctx) {
        Failure failure = classify(e, ctx);
        return new Failure(failure.status(), failure.code(), failure.message(), RequestIds.of(ctx));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static Failure classify(Exception e, Context ctx) {
        if (e instanceof InvalidRequestException invalid) {
            return new Failure(HttpStatus.BAD_REQUEST, invalid.code(), e.getMessage(), null);
        }
        if (e instanceof KnowledgeBaseNotFoundException) {
            return new Failure(HttpStatus.NOT_FOUND, "knowledge_base_not_found", e.getMessage(), null);
        }
        if (e instanceof DocumentNotFoundException) {
            return new Failure(HttpStatus.NOT_FOUND, "document_not_found", e.getMessage(), null);
        }
        if (e instanceof ConversationNotFoundException) {
            return new Failure(HttpStatus.NOT_FOUND, "conversation_not_found", e.getMessage(), null);
        }
        if (e instanceof KnowledgeBaseExistsException) {
            return new Failure(HttpStatus.CONFLICT, "knowledge_base_exists", e.getMessage(), null);
        }
        if (e instanceof UploadTooLargeException tooLarge) {
            return new Failure(HttpStatus.CONTENT_TOO_LARGE, tooLarge.code(), e.getMessage(), null);
        }
        if (e instanceof DocumentBeingDeletedException) {
            return new Failure(HttpStatus.CONFLICT, "document_being_deleted", e.getMessage(), null);
        }
        if (e instanceof TooManyRequestsException tooMany) {
            ctx.header("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
            return new Failure(HttpStatus.TOO_MANY_REQUESTS, tooMany.code(), e.getMessage(), null);
        }
        if (e instanceof TooManyConcurrentAnswersException tooMany) {
            ctx.header("Retry-After", Integer.toString(tooMany.retryAfterSeconds()));
            return new Failure(HttpStatus.TOO_MANY_REQUESTS, "too_many_concurrent_answers", e.getMessage(), null);
        }
        if (e instanceof AnswerDeadlineExceededException) {
            LOG.warn("answer past its deadline method={} path={} requestId={}", ctx.method(), ctx.path(), RequestIds.of(ctx));
            return new Failure(HttpStatus.GATEWAY_TIMEOUT, "answer_deadline_exceeded", e.getMessage(), null);
        }
        if (e instanceof LanguageModelUnavailableException unavailable) {
            // the log has the model, its URL and the cause (status, body); the caller only what happened
            LOG.warn("language model failed method={} path={} requestId={}: {}", ctx.method(), ctx.path(), RequestIds.of(ctx),
                    e.getMessage(), e.getCause());
            return new Failure(HttpStatus.BAD_GATEWAY, "language_model_unavailable", unavailable.clientMessage(), null);
        }
        Optional<DependencyOutage> outage = DependencyOutage.of(e);
        if (outage.isPresent()) {
            // expected while a server restarts: one line, no stack trace
            LOG.warn("dependency unavailable code={} method={} path={} requestId={}: {}", outage.get().code(), ctx.method(),
                    ctx.path(), RequestIds.of(ctx), rootCause(e).toString());
            ctx.header("Retry-After", Integer.toString(DependencyOutage.RETRY_AFTER_SECONDS));
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, outage.get().code(), outage.get().message(), null);
        }
        if (e instanceof HttpResponseException response) {
            HttpStatus status = HttpStatus.forStatus(response.getStatus());
            return new Failure(status, status.name().toLowerCase(Locale.ROOT), e.getMessage(), null);
        }
        LOG.error("request failed method={} path={} requestId={}", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
        return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The service failed to handle this request; the cause is in its log under request " + RequestIds.of(ctx) + ".",
                null);
    }
}
