package dev.docflow.cli;

/** The agent service refused a request (its status, error code and message) or could not be reached (status 0). */
final class ServiceRefusedException extends RuntimeException {
    private final int status;
    private final String code;

    ServiceRefusedException(int status, String code, String message) {
        super(status == 0 ? message : message + " (" + status + " " + code + ")");
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
