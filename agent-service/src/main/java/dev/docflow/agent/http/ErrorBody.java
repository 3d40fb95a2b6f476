package dev.docflow.agent.http;

/**
 * Every error response: {@code {"error":{"code":"…","message":"…","requestId":"…"}}}. The message
 * is for the caller and names no internal detail; {@code requestId} finds the details in the log.
 */
public record ErrorBody(Detail error) {
    /** @param requestId the request's {@code X-Request-Id}; left out when null */
    public record Detail(String code, String message, String requestId) {}

    public static ErrorBody of(String code, String message, String requestId) {
        return new ErrorBody(new Detail(code, message, requestId));
    }
}
