package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.operations.ServiceMetrics;
import dev.docflow.agent.upload.DocumentUploadService;
import dev.docflow.agent.upload.UploadSettings;
import dev.docflow.agent.upload.UploadTooLargeException;
import dev.docflow.agent.upload.UploadedDocument;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/knowledge-bases/{kb}/documents}, multipart, one or many files under any field
 * name: each is stored and queued for ingestion; the reply says, per file, its id and status.
 *
 * <p>Limits hold while the body streams in: a declared {@code Content-Length} over {@code
 * upload.max-request-bytes} is refused before any byte is read, and Jetty stops parsing a part past
 * {@code upload.max-file-bytes} or a body past the request limit (both 413).
 */
public final class DocumentUploadController {
    private final DocumentUploadService uploads;
    private final UploadSettings limits;
    private final ServiceMetrics metrics;

    public DocumentUploadController(DocumentUploadService uploads, UploadSettings limits, ServiceMetrics metrics) {
        this.uploads = uploads;
        this.limits = limits;
        this.metrics = metrics;
    }

    public void upload(Context ctx) {
        if (!ctx.isMultipartFormData()) {
            throw new InvalidRequestException("not_multipart", "send the files as multipart/form-data"
                    + " (curl -F file=@report.pdf …)");
        }
        if (ctx.req().getContentLengthLong() > limits.maxRequestBytes()) {
            throw UploadTooLargeException.request(limits.maxRequestBytes());
        }
        List<UploadedFile> files = parts(ctx);
        if (files.isEmpty()) {
            throw new InvalidRequestException("no_files", "the request holds no file");
        }
        if (files.size() > limits.maxFilesPerRequest()) {
            throw new InvalidRequestException("too_many_files", "the request holds " + files.size()
                    + " files, over the limit of " + limits.maxFilesPerRequest() + " (upload.max-files-per-request)");
        }
        List<DocumentUploadService.Incoming> incoming = files.stream()
                .map(file -> new DocumentUploadService.Incoming(file.filename(), file.size(), file.content()))
                .toList();
        List<UploadedDocument> stored = uploads.upload(TenantResolver.tenantOf(ctx), ctx.pathParam("kb"), incoming);
        stored.forEach(document -> metrics.uploaded(document.status(), document.sizeBytes()));
        ctx.json(Map.of("documents", stored));
    }

    /** The files of the request; Jetty's refusal of a part or body over its limit as a 413. */
    private List<UploadedFile> parts(Context ctx) {
        try {
            return ctx.uploadedFiles();
        } catch (IllegalStateException e) {
            throw tooLarge(e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IllegalStateException limit) {
                throw tooLarge(limit);
            }
            throw e;
        }
    }

    private UploadTooLargeException tooLarge(IllegalStateException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("maxrequestsize") || message.contains("request exceeds")
                ? UploadTooLargeException.request(limits.maxRequestBytes())
                : UploadTooLargeException.fileWhileStreaming(limits.maxFileBytes());
    }
}
