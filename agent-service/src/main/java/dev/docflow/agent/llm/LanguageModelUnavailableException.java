package dev.docflow.agent.llm;

import dev.langchain4j.exception.HttpException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The language model could not be reached, refused the request or did not answer in time. The
 * message, for the log, names the model and its base URL (what an operator needs to fix it) and
 * never the API key; {@link #clientMessage()}, what the service answers with its 502, names neither.
 */
public final class LanguageModelUnavailableException extends RuntimeException {
    private final String what;

    public LanguageModelUnavailableException(LanguageModelSettings settings, String what, Throwable cause) {
        super("The language model " + settings.describe() + " " + what, cause);
        this.what = what;
    }

    /** What happened, in words for a tenant: no URL, no model name, no exception text. */
    public String clientMessage() {
        return "The language model " + what + "; try again later";
    }

    /** Says what went wrong in words an operator can act on: the status, a timeout, no connection. */
    static LanguageModelUnavailableException of(LanguageModelSettings settings, Throwable failure) {
        return new LanguageModelUnavailableException(settings, what(failure, settings), failure);
    }

    static LanguageModelUnavailableException silent(LanguageModelSettings settings) {
        return new LanguageModelUnavailableException(settings, noAnswerWithin(settings), null);
    }

    private static String what(Throwable failure, LanguageModelSettings settings) {
        // LangChain4j wraps the cause once or twice (ExceptionMapper, CompletionException): look through it
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) {
                return "answered HTTP " + http.statusCode();
            }
            if (cause instanceof HttpTimeoutException || cause instanceof dev.langchain4j.exception.TimeoutException) {
                return noAnswerWithin(settings);
            }
            if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                    || cause instanceof dev.langchain4j.exception.UnresolvedModelServerException) {
                return "could not be reached";
            }
        }
        return "failed";
    }

    private static String noAnswerWithin(LanguageModelSettings settings) {
        return "did not answer within " + settings.timeout().toSeconds() + " s";
    }
}
