package dev.docflow.agent.answer;

/** The client went away mid-answer; whoever writes the answer stops. */
public final class ClientDisconnectedException extends RuntimeException {
    public ClientDisconnectedException(Throwable cause) {
        super("the client disconnected", cause);
    }
}
