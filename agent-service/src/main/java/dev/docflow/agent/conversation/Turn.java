package dev.docflow.agent.conversation;

/** One earlier message of a conversation, as follow-up questions and models see it. */
public record Turn(Role role, String text) {
    public enum Role {
        USER,
        ASSISTANT;

        /** The role's name in OpenAI-style messages and in the database. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Turn user(String text) {
        return new Turn(Role.USER, text);
    }

    public static Turn assistant(String text) {
        return new Turn(Role.ASSISTANT, text);
    }
}
