package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become HTTP errors. Domain and request errors keep their meaning (400,
 * 404, 502 when the language model fails, and Javalin's own 4xx such as an unknown route or a 401 from tenant resolution); only what is
 * left is a 500, logged with its stack and answered with a generic message so internals do not
 * leak. A stream that has already begun reports the same code and message in its {@code error}
 * event.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** What a failure looks like to the client. */
    public record Failure(HttpStatus status, String code, String message) {
        public ErrorBody body() {
            return ErrorBody.of(code, message);
        }
    }

    private ErrorMapping() {}

    public static void register(Javalin app) {
        // Javalin answers its own HttpResponseExceptions unless a handler names that class
        app.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, failureOf(e, ctx)));
        app.exception(Exception.class, (e, ctx) -> respond(ctx, failureOf(e, ctx)));
    }

    private static void respond(Context ctx, Failure failure) {
        if (failure.status() == HttpStatus.CONTENT_TOO_LARGE) {
            // the rest of the body is unread: closing is what stops the client sending it, where
            // keeping the connection would mean reading (and discarding) all of it first
            ctx.header("Connection", "close");
        }
        ctx.status(failure.status()).json(failure.body());
    }

    /** Classifies {@code e}, logging it when it is the service's own fault. */
    public static Failure failureOf(Exception e, Context ctx) {
        if (e instanceof InvalidRequestException invalid) {
            return new Failure(HttpStatus.BAD_REQUEST, invalid.code(), e.getMessage());
        }
        if (e instanceof KnowledgeBaseNotFoundException) {
            return new Failure(HttpStatus.NOT_FOUND, "knowledge_base_not_found", e.getMessage());
        }
        if (e instanceof DocumentNotFoundException) {
            return new Failure(HttpStatus.NOT_FOUND, "document_not_found", e.getMessage());
        }
        if (e instanceof ConversationNotFoundException) {
            return new Failure(HttpStatus.NOT_FOUND, "conversation_not_found", e.getMessage());
        }
        if (e instanceof KnowledgeBaseExistsException) {
            return new Failure(HttpStatus.CONFLICT, "knowledge_base_exists", e.getMessage());
        }
        if (e instanceof UploadTooLargeException tooLarge) {
            return new Failure(HttpStatus.CONTENT_TOO_LARGE, tooLarge.code(), e.getMessage());
        }
        if (e instanceof DocumentBeingDeletedException) {
            return new Failure(HttpStatus.CONFLICT, "document_being_deleted", e.getMessage());
        }
        if (e instanceof LanguageModelUnavailableException) {
            // the message names the model and its URL, never the key; the cause (status, body) goes to the log
            LOG.warn("language model failed method={} path={}: {}", ctx.method(), ctx.path(), e.getMessage(), e.getCause());
            return new Failure(HttpStatus.BAD_GATEWAY, "language_model_unavailable", e.getMessage());
        }
        if (e instanceof HttpResponseException response) {
            HttpStatus status = HttpStatus.forStatus(response.getStatus());
            return new Failure(status, status.name().toLowerCase(Locale.ROOT), e.getMessage());
        }
        LOG.error("request failed method={} path={}", ctx.method(), ctx.path(), e);
        return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The service failed to handle this request; the cause is in its log.");
    }
}
