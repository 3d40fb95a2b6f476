package dev.docflow.connectors.objectstore;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * How a stored file is served to whoever opens its link: a content type chosen from the file's
 * extension (never the uploader's claim) and a {@code Content-Disposition}. Only types a browser
 * renders without running anything (PDF, raster images) open inline, so a PDF link can open at
 * {@code #page=N}; everything else, HTML, SVG and scripts first, is a download of an opaque type,
 * so an uploaded page can never run in the store's origin.
 */
public record DownloadHeaders(String contentType, String contentDisposition) {
    private static final Map<String, String> INLINE_TYPES = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "webp", "image/webp",
            "bmp", "image/bmp");
    static final String OPAQUE_TYPE = "application/octet-stream";

    public static DownloadHeaders of(String fileName) {
        String name = fileName == null ? "" : fileName.substring(fileName.replace('\\', '/').lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        String inline = INLINE_TYPES.get(extension);
        return inline != null
                ? new DownloadHeaders(inline, "inline; " + fileNameParameters(name))
                : new DownloadHeaders(OPAQUE_TYPE, "attachment; " + fileNameParameters(name));
    }

    public boolean isInline() {
        return contentDisposition.startsWith("inline");
    }

    /** RFC 6266: a plain ASCII fallback, and the exact name in RFC 5987 encoding. */
    static String fileNameParameters(String name) {
        StringBuilder fallback = new StringBuilder();
        for (char c : name.toCharArray()) {
            fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' && c != '%' ? c : '_');
        }
        String plain = fallback.isEmpty() ? "file" : fallback.toString();
        return "filename=\"" + plain + "\"; filename*=UTF-8''" + encode(name.isEmpty() ? "file" : name);
    }

    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }
}
