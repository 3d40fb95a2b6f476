package dev.docflow.ingest.parse;

import static dev.docflow.connectors.contract.FailureReason.*;

import dev.docflow.ingest.model.DocumentFailedException;
import java.io.IOException;
import java.util.zip.ZipException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.SAXException;

/**
 * Maps what parsing threw to the reason users see: a problem of the file ({@code corrupt},
 * {@code encrypted}…) or a failure of ours ({@code internal_error}), which must not pass for the
 * file's fault.
 */
final class FailureClassifier {
    private FailureClassifier() {}

    static DocumentFailedException classify(Throwable error) {
        boolean fileProblem = false;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DocumentFailedException failed) {
                return failed;
            }
            if (cause instanceof EncryptedDocumentException
                    || cause.getClass().getSimpleName().equals("InvalidPasswordException")) {
                return new DocumentFailedException(ENCRYPTED, "the document is encrypted", error);
            }
            if (WriteLimitReachedException.isWriteLimitReached(cause)) {
                return new DocumentFailedException(TOO_LARGE, cause.getMessage(), error);
            }
            if (cause instanceof UnsupportedFormatException || saysUnsupported(cause)) {
                return new DocumentFailedException(UNSUPPORTED, cause.getMessage(), error);
            }
            fileProblem |= cause instanceof TikaException || cause instanceof IOException
                    || cause instanceof SAXException || cause instanceof ZipException
                    || cause instanceof IllegalArgumentException || cause instanceof IndexOutOfBoundsException
                    || cause instanceof ArithmeticException || cause instanceof StackOverflowError;
        }
        String message = messageOf(error);
        if (fileProblem) {
            return new DocumentFailedException(CORRUPT, "the document could not be parsed: " + message, error);
        }
        return new DocumentFailedException(INTERNAL_ERROR, "Docflow failed on this document: " + message, error);
    }

    /** POI and others refuse format variants they do not read ("Strict OOXML isn't currently supported"). */
    private static boolean saysUnsupported(Throwable cause) {
        String message = cause.getMessage();
        return message != null && message.matches("(?is).*\\b(isn't|is not|not) (currently )?supported\\b.*");
    }

    private static String messageOf(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
