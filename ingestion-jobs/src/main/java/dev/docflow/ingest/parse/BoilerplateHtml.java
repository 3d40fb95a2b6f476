package dev.docflow.ingest.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tika.parser.html.DefaultHtmlMapper;
import org.apache.tika.parser.html.HtmlMapper;
import org.xml.sax.Attributes;

/**
 * Recognises the navigation of a web page (menus, breadcrumbs, "Prev | Up | Next" bars, site
 * headers and footers) that repeats on every page of a site and would otherwise be indexed, and
 * cited, hundreds of times. The {@link #MAPPER} lets the attributes that mark it through Tika.
 */
final class BoilerplateHtml {
    private static final Set<String> NAVIGATION_ELEMENTS = Set.of("nav", "aside", "footer");
    private static final Set<String> NAVIGATION_ROLES = Set.of("navigation", "banner", "contentinfo", "search", "menu");
    /** Class or id tokens of navigation, as common site generators write them. */
    private static final Pattern NAVIGATION_NAME = Pattern.compile(
            "(?:^|[-_ ])(?:nav|navbar|navheader|navfooter|navigation|menu|menubar|breadcrumbs?|sidebar|"
                    + "site-?header|site-?footer|page-?footer|footer|skip-?link|cookie-?banner)(?:$|[-_ ])");

    /** Tika's default mapping, keeping the attributes above and the navigation elements. */
    static final HtmlMapper MAPPER = new HtmlMapper() {
        @Override
        public String mapSafeElement(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NAVIGATION_ELEMENTS.contains(lower) || lower.equals("header")) {
                return lower;
            }
            return DefaultHtmlMapper.INSTANCE.mapSafeElement(name);
        }

        @Override
        public boolean isDiscardElement(String name) {
            return DefaultHtmlMapper.INSTANCE.isDiscardElement(name);
        }

        @Override
        public String mapSafeAttribute(String elementName, String attributeName) {
            String lower = attributeName.toLowerCase(Locale.ROOT);
            if (lower.equals("class") || lower.equals("id") || lower.equals("role") || lower.equals("summary")) {
                return lower;
            }
            return DefaultHtmlMapper.INSTANCE.mapSafeAttribute(elementName, attributeName);
        }
    };

    private BoilerplateHtml() {}

    static boolean isNavigation(String element, Attributes attributes) {
        if (NAVIGATION_ELEMENTS.contains(element)) {
            return true;
        }
        String role = attributes.getValue("role");
        if (role != null && NAVIGATION_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String summary = attributes.getValue("summary");
        if (summary != null && summary.toLowerCase(Locale.ROOT).startsWith("navigation")) {
            return true;
        }
        return namesNavigation(attributes.getValue("class")) || namesNavigation(attributes.getValue("id"));
    }

    private static boolean namesNavigation(String value) {
        if (value == null) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        // Tika's own class for the text of a slide master, repeated under every slide
        return lower.startsWith("slide-master") || NAVIGATION_NAME.matcher(lower).find();
    }
}
