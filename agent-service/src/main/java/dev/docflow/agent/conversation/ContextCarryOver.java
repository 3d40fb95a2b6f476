package dev.docflow.agent.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The follow-up rewriter used without a language model: a message that reads as a follow-up (short,
 * or leaning on "it", "that", "and …?") is searched together with the user's previous question, so
 * "and on Windows?" after "How do I install R on Linux?" still finds the installation chapter. A
 * message that stands on its own is left alone.
 */
public final class ContextCarryOver implements FollowUpRewriter {
    /** Up to this many words a message rarely names its subject again. */
    static final int SHORT_MESSAGE_WORDS = 5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Set<String> LEANING_WORDS = Set.of(
            "it", "its", "it's", "this", "these", "those", "they", "them", "their", "there", "he", "she",
            "his", "her", "ones", "same", "also", "else", "instead", "above", "previous");
    private static final Set<String> LEANING_STARTS = Set.of("and", "or", "but", "so", "then", "also", "what about", "how about");

    @Override
    public String standalone(String message, List<Turn> history) {
        String previous = lastUserMessage(history);
        if (previous == null || !readsAsFollowUp(message)) {
            return message;
        }
        return previous + " " + message;
    }

    static boolean readsAsFollowUp(String message) {
        List<String> words = WORD.matcher(message.toLowerCase(Locale.ROOT)).results().map(match -> match.group()).toList();
        if (words.size() <= SHORT_MESSAGE_WORDS) {
            return true;
        }
        String start = words.size() > 1 ? words.get(0) + " " + words.get(1) : words.get(0);
        if (LEANING_STARTS.contains(words.get(0)) || LEANING_STARTS.contains(start)) {
            return true;
        }
        return words.stream().anyMatch(LEANING_WORDS::contains);
    }

    private static String lastUserMessage(List<Turn> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == Turn.Role.USER) {
                return history.get(i).text();
            }
        }
        return null;
    }
}
