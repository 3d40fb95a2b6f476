package dev.docflow.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out of a Markdown file what a site generator reads and a reader never sees: the front matter
 * (YAML between {@code ---} lines or TOML between {@code +++} lines at the very top), HTML comments
 * (licence headers, commented-out images) and Hugo or Jekyll shortcodes ({@code {{< hint info >}}},
 * {@code {{% ... %}}}, {@code {% ... %}}). Left in, they were chunked and quoted as if they were the
 * page's text. A shortcode standing for a link's target ({@code [chart]({{< ref "helm" >}})}) leaves
 * the link's words. Fenced code is kept as it is: a comment there is part of the example.
 *
 * <p>The front matter's {@code title} is kept apart: it is the page's own title.
 */
final class MarkdownMarkup {
    /** The page's text without the markup, and the front matter's title ("" when it has none). */
    record Stripped(String text, String title) {}

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A\\uFEFF?(---|\\+\\+\\+)[ \\t]*\\R(.*?)\\R\\1[ \\t]*(?:\\R|\\z)",
            Pattern.DOTALL);
    private static final Pattern FRONT_MATTER_TITLE = Pattern.compile("(?m)^title\\s*[:=]\\s*(.+?)\\s*$");
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*(```|~~~)");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|\\z)", Pattern.DOTALL);
    private static final String SHORTCODE = "\\{\\{<.*?>\\}\\}|\\{\\{%.*?%\\}\\}|\\{%.*?%\\}";
    private static final Pattern LINK_TO_SHORTCODE = Pattern.compile("\\[([^\\]]*)\\]\\(\\s*(?:" + SHORTCODE + ")[^)]*\\)",
            Pattern.DOTALL);
    private static final Pattern SHORTCODE_ALONE = Pattern.compile("(?m)^[ \\t]*(?:" + SHORTCODE + ")[ \\t]*\\R?");
    private static final Pattern SHORTCODE_INLINE = Pattern.compile(SHORTCODE, Pattern.DOTALL);

    private MarkdownMarkup() {}

    static Stripped strip(String raw) {
        String title = "";
        String body = raw;
        Matcher front = FRONT_MATTER.matcher(raw);
        if (front.find()) {
            Matcher titleLine = FRONT_MATTER_TITLE.matcher(front.group(2));
            if (titleLine.find()) {
                title = unquote(titleLine.group(1));
            }
            body = raw.substring(front.end());
        }
        StringBuilder out = new StringBuilder(body.length());
        int at = 0;
        Matcher fence = FENCE.matcher(body);
        while (fence.find(at)) {
            out.append(outsideCode(body.substring(at, fence.start())));
            int close = closingFence(body, fence.end(), fence.group(1));
            out.append(body, fence.start(), close);
            at = close;
        }
        out.append(outsideCode(body.substring(at)));
        return new Stripped(out.toString(), title);
    }

    /** Where the code block opened just before {@code from} ends: after its closing fence line, or at the end. */
    private static int closingFence(String body, int from, String marker) {
        int lineEnd = body.indexOf('\n', from);
        if (lineEnd < 0) {
            return body.length();
        }
        Matcher closing = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(marker) + "[ \\t]*$").matcher(body);
        if (!closing.find(lineEnd + 1)) {
            return body.length();
        }
        return closing.end();
    }

    private static String outsideCode(String text) {
        String withoutComments = COMMENT.matcher(text).replaceAll("");
        String links = LINK_TO_SHORTCODE.matcher(withoutComments).replaceAll("$1");
        // a shortcode on a line of its own goes with its line, so the paragraphs around it stay apart
        String lines = SHORTCODE_ALONE.matcher(links).replaceAll("\n");
        return SHORTCODE_INLINE.matcher(lines).replaceAll("");
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        return v.strip();
    }
}
