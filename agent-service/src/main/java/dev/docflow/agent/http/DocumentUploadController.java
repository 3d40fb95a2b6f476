package dev.docflow.agent.http;

import dev.docflow.agent.InvalidRequestException;
import dev.docflow.agent.upload.DocumentUploadService;
import dev.docflow.agent.upload.UploadedDocument;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/knowledge-bases/{kb}/documents}, multipart, one or many files under any field
 * name: each is stored and queued for ingestion; the reply says, per file, its id and status.
 */
public final class DocumentUploadController {
    private final DocumentUploadService uploads;

    public DocumentUploadController(DocumentUploadService uploads) {
        this.uploads = uploads;
    }

    public void upload(Context ctx) {
        if (!ctx.isMultipartFormData()) {
            throw new InvalidRequestException("not_multipart", "send the files as multipart/form-data"
                    + " (curl -F file=@report.pdf …)");
        }
        List<UploadedFile> files = ctx.uploadedFiles();
        if (files.isEmpty()) {
            throw new InvalidRequestException("no_files", "the request holds no file");
        }
        List<DocumentUploadService.Incoming> incoming = files.stream()
                .map(file -> new DocumentUploadService.Incoming(file.filename(), file.size(), file.contentType(), file.content()))
                .toList();
        List<UploadedDocument> stored = uploads.upload(TenantResolver.tenantOf(ctx), ctx.pathParam("kb"), incoming);
        ctx.json(Map.of("documents", stored));
    }
}
