package dev.docflow.agent.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.plugin.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The web console: {@code GET /}, its page, and its script and style sheet under {@code /console/},
 * from the jar's {@code console/} resources. None needs a key: the page holds no data, and every
 * call it makes goes to {@code /api} with the key the person signed in with.
 *
 * <p>Every console response carries a strict {@link #CONTENT_SECURITY_POLICY}: scripts and styles
 * from this origin only (no inline script, so an injected tag cannot run), calls to this origin only
 * ({@code connect-src 'self'}), no framing. Citations' presigned links to the object store are
 * plain navigations, which the policy leaves alone. The page is rendered once, when the app is
 * built, with the Flink dashboard's address ({@code console.flink-dashboard-url}) in its header.
 */
public final class ConsolePlugin extends Plugin<Void> {
    public static final String PAGE_PATH = "/";
    public static final String ASSETS_PATH = "/console";
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    private static final String PAGE_RESOURCE = "console/index.html";
    private static final String ASSETS_RESOURCES = "/console/assets";
    /** What every console response carries; no-cache so a new jar's script is never mixed with an old page. */
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    private final String page;

    public ConsolePlugin(String flinkDashboardUrl) {
        this.page = resourceText(PAGE_RESOURCE).replace("${flinkDashboardUrl}", escapeHtml(flinkDashboardUrl));
    }

    @Override
    public void onInitialize(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = ASSETS_PATH;
            files.directory = ASSETS_RESOURCES;
            files.location = Location.CLASSPATH;
            files.headers = HEADERS;
        });
    }

    @Override
    public void onStart(JavalinConfig config) {
        config.router.mount(router -> router.get(PAGE_PATH, this::page));
    }

    private void page(Context ctx) {
        HEADERS.forEach(ctx::header);
        ctx.html(page);
    }

    /** The setting is the operator's, but it lands in an attribute: escaped all the same. */
    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String resourceText(String name) {
        try (InputStream in = ConsolePlugin.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path: is the agent service's jar missing from it?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
