package dev.docflow.agent.llm;

/**
 * The model's way of saying the passages do not answer the question: the prompt asks it to reply
 * with exactly {@value #SENTINEL}. The provider must then tell its listener nothing, so the start of
 * a reply is held until this class can tell an answer from the sentinel.
 */
final class NotFoundReply {
    static final String SENTINEL = "NOT_FOUND";

    enum Verdict {
        /** The reply starts with the sentinel: whatever follows is an explanation nobody asked for. */
        NOT_FOUND,
        /** Could still become the sentinel ({@code ""}, {@code "NOT_F"}): keep waiting. */
        UNDECIDED,
        /** Cannot be the sentinel: an answer, to be passed on. */
        ANSWER
    }

    private NotFoundReply() {}

    /** @param start the reply received so far */
    static Verdict judge(CharSequence start) {
        String reply = withoutDecoration(start);
        if (reply.startsWith(SENTINEL)) {
            return Verdict.NOT_FOUND;
        }
        return SENTINEL.startsWith(reply) ? Verdict.UNDECIDED : Verdict.ANSWER;
    }

    /**
     * The whole reply, once the stream has ended: nothing at all, or a sentinel cut short, is no
     * answer either.
     */
    static boolean isNotFound(CharSequence reply) {
        return judge(reply) != Verdict.ANSWER;
    }

    /** Models like to dress the sentinel up: {@code **NOT_FOUND**}, {@code `NOT_FOUND`}, {@code "NOT_FOUND"}. */
    private static String withoutDecoration(CharSequence text) {
        int start = 0;
        while (start < text.length() && (Character.isWhitespace(text.charAt(start)) || "*`\"'_".indexOf(text.charAt(start)) >= 0)) {
            start++;
        }
        return text.subSequence(start, text.length()).toString();
    }
}
