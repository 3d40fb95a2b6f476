package dev.docflow.agent.http;

import dev.docflow.agent.knowledgebase.DocumentNotFoundException;
import dev.docflow.agent.knowledgebase.KnowledgeBaseExistsException;
import dev.docflow.agent.knowledgebase.KnowledgeBaseNotFoundException;
import dev.docflow.agent.llm.LanguageModelUnavailableException;
import dev.docflow.agent.upload.UploadTooLargeException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become HTTP responses. Domain and request errors keep their meaning
 * (400, 404, and Javalin's own 4xx such as an unknown route or a 401 from tenant resolution; 502
 * when the language model fails); only
 * what is left is a 500, logged with its stack and answered with a generic message so internals do
 * not leak.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    public static void register(Javalin app) {
        app.exception(InvalidRequestException.class, (e, ctx) -> respond(ctx, HttpStatus.BAD_REQUEST, e.code(), e.getMessage()));
        app.exception(KnowledgeBaseNotFoundException.class, (e, ctx) ->
                respond(ctx, HttpStatus.NOT_FOUND, "knowledge_base_not_found", e.getMessage()));
        app.exception(DocumentNotFoundException.class, (e, ctx) ->
                respond(ctx, HttpStatus.NOT_FOUND, "document_not_found", e.getMessage()));
        app.exception(KnowledgeBaseExistsException.class, (e, ctx) ->
                respond(ctx, HttpStatus.CONFLICT, "knowledge_base_exists", e.getMessage()));
        app.exception(UploadTooLargeException.class, (e, ctx) ->
                respond(ctx, HttpStatus.CONTENT_TOO_LARGE, "file_too_large", e.getMessage()));
        app.exception(LanguageModelUnavailableException.class, (e, ctx) -> {
            // the message names the model and its URL, never the key; the cause (status, body) goes to the log
            LOG.warn("language model failed method={} path={}: {}", ctx.method(), ctx.path(), e.getMessage(), e.getCause());
            respond(ctx, HttpStatus.BAD_GATEWAY, "language_model_unavailable", e.getMessage());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            respond(ctx, status, status.name().toLowerCase(Locale.ROOT), e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request failed method={} path={}", ctx.method(), ctx.path(), e);
            respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                    "The service failed to handle this request; the cause is in its log.");
        });
    }

    private static void respond(Context ctx, HttpStatus status, String code, String message) {
        ctx.status(status).json(ErrorBody.of(code, message));
    }
}
