package dev.docflow.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --url} and {@code --key} of the commands that talk to a running agent service; their
 * defaults come from the configuration ({@code service.url}, {@code service.api-key}), and without
 * a key, from the demo tenant's key file that {@code up} and {@code demo} keep.
 */
final class ServiceOptions {
    private final DocflowConfig config;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", description = "The agent service (default: service.url, http://127.0.0.1:<http.port>).")
    String url;

    @Option(names = "--key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "A tenant's API key (default: service.api-key, else the demo tenant's key in the work folder).")
    String key;

    ServiceOptions(DocflowConfig config) {
        this.config = config;
    }

    ServiceClient client() {
        java.net.URI base = url != null ? java.net.URI.create(url.endsWith("/") ? url : url + "/") : config.service().url();
        return new ServiceClient(base, key != null ? key : config.service().apiKey().orElseGet(this::demoKey));
    }

    private String demoKey() {
        Path file = config.workDir().resolve(LocalDeployment.DEMO_KEY_FILE);
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("no API key: pass --key, set service.api-key (DOCFLOW_SERVICE_API_KEY),"
                    + " or run ./docflow up once so that " + file + " exists");
        }
    }
}
