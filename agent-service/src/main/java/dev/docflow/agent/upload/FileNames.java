package dev.docflow.agent.upload;

import dev.docflow.agent.InvalidRequestException;

/**
 * The name an uploaded file is kept under: the client's file name without any folder part, so a
 * name such as {@code ../../other-tenant/x.pdf} cannot reach outside its knowledge base.
 */
public final class FileNames {
    static final int MAX_LENGTH = 255;

    private FileNames() {}

    public static String of(String submitted) {
        String name = submitted == null ? "" : submitted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > MAX_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("invalid_file_name",
                    "each file needs a name of 1 to " + MAX_LENGTH + " characters without control characters; got '"
                            + submitted + "'");
        }
        return name;
    }
}
