package dev.docflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * {@code docker/}: the compose file is valid to Compose's own parser (Debian's {@code docker-compose};
 * no engine runs here), runs the versions the tests run, publishes on 127.0.0.1 only, takes its
 * credentials from the environment, gives every store a volume and every server a health check, and
 * the images copy files that the build makes.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Path COMPOSE = DOCKER.resolve("docker-compose.yml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CREDENTIALS = Map.of(
            "DOCFLOW_DATABASE_PASSWORD", "database-password",
            "DOCFLOW_S3_ACCESS_KEY", "s3-access",
            "DOCFLOW_S3_SECRET_KEY", "s3-secret",
            "DOCFLOW_AUTH_ADMIN_KEY", "an-admin-key-of-24-characters-at-least",
            "DOCFLOW_GRAFANA_ADMIN_PASSWORD", "grafana-password");
    /** Services that keep data, and where. */
    private static final Map<String, String> STORES = Map.of(
            "kafka", "/var/lib/kafka/data",
            "elasticsearch", "/usr/share/elasticsearch/data",
            "s3", "/data",
            "postgres", "/var/lib/postgresql/data",
            "jobmanager", "/flink-state",
            "prometheus", "/prometheus",
            "grafana", "/var/lib/grafana");

    private static JsonNode services;
    private static Map<String, String> pom;

    @BeforeAll
    static void resolveTheComposeFile() throws Exception {
        Run run = compose(CREDENTIALS, "config");
        assertThat(run.exitCode()).as("docker-compose config:\n%s", run.output()).isZero();
        services = YAML.readTree(run.output()).get("services");
        pom = rootPomProperties();
    }

    @Test
    void composeRefusesToStartWithoutTheCredentials() throws Exception {
        Map<String, String> withoutOne = new HashMap<>(CREDENTIALS);
        withoutOne.remove("DOCFLOW_DATABASE_PASSWORD");

        Run run = compose(withoutOne, "config", "-q");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("set DOCFLOW_DATABASE_PASSWORD");
        assertThat(Files.readString(COMPOSE)).doesNotContain(CREDENTIALS.values().toArray(String[]::new));
    }

    @Test
    void runsTheWholeOfDocflow() {
        assertThat(names(services)).contains("kafka", "elasticsearch", "s3", "postgres", "agent-service", "jobmanager",
                "taskmanager", "streaming-job", "prometheus", "grafana");
        assertThat(services.at("/taskmanager/deploy/replicas").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void runsTheVersionsTheTestsRun() throws IOException {
        assertThat(image("elasticsearch")).isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + pom.get("elasticsearch.server.version"));
        assertThat(image("kafka")).isEqualTo("apache/kafka:" + pom.get("kafka.server.version"));
        assertThat(image("s3")).isEqualTo("andrewgaul/s3proxy:s3proxy-" + pom.get("s3proxy.version"));
        String postgresMajor = pom.get("postgres.binaries.version").split("\\.")[0];
        assertThat(image("postgres")).startsWith("postgres:" + postgresMajor + ".");
        assertThat(Files.readString(DOCKER.resolve("flink/Dockerfile")))
                .contains("FROM flink:" + pom.get("flink.version") + "-scala_2.12-java17 AS flink");
        for (String service : names(services)) {
            assertThat(image(service)).as(service).matches("[^:]+:[^:]+").doesNotEndWith(":latest");
        }
    }

    @Test
    void publishesOnThisMachineOnlyByDefault() {
        for (String service : names(services)) {
            for (JsonNode port : services.path(service).path("ports")) {
                assertThat(port.asText()).as(service).startsWith("127.0.0.1:");
            }
        }
    }

    @Test
    void everyStoreHasAVolumeAndEveryServerAHealthCheck() {
        STORES.forEach((service, path) -> {
            List<String> volumes = new ArrayList<>();
            services.path(service).path("volumes").forEach(v -> volumes.add(v.asText()));
            assertThat(volumes).as(service).anyMatch(v -> v.matches("[a-z0-9-]+:" + Pattern.quote(path) + "(:rw)?"));
        });
        for (String service : names(services)) {
            if (!service.equals("streaming-job")) { // a one-shot submission, not a server
                assertThat(services.path(service).has("healthcheck")).as(service).isTrue();
            }
            services.path(service).path("depends_on").forEach(dependency ->
                    assertThat(dependency.path("condition").asText()).as(service).isIn("service_healthy", "service_started"));
        }
    }

    @Test
    void containersReachEachOtherByServiceNameNeverThroughLocalhost() {
        assertThat(env("kafka", "KAFKA_ADVERTISED_LISTENERS")).contains("PLAINTEXT://kafka:9092");
        for (String service : List.of("agent-service", "streaming-job")) {
            assertThat(env(service, "DOCFLOW_DATABASE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/docflow");
            assertThat(env(service, "DOCFLOW_ELASTICSEARCH_URL")).isEqualTo("http://elasticsearch:9200");
            assertThat(env(service, "DOCFLOW_S3_ENDPOINT")).isEqualTo("http://s3:80");
            assertThat(env(service, "DOCFLOW_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        }
        assertThat(env("agent-service", "DOCFLOW_CONSOLE_FLINK_REST_URL")).as("the service reads the jobs in the network")
                .isEqualTo("http://jobmanager:8081");
        assertThat(env("jobmanager", "FLINK_PROPERTIES")).contains("jobmanager.rpc.address: jobmanager");
        assertThat(env("taskmanager", "FLINK_PROPERTIES")).contains("jobmanager.rpc.address: jobmanager");
    }

    @Test
    void theImagesCopyWhatTheRepositoryAndTheBuildHold() throws IOException {
        String version = pom.get("project.version");
        Map<String, String> built = Map.of(
                "ingestion-jobs/target/docflow-ingestion-jobs-" + version + "-job.jar", "the job jar (ingestion-jobs' shade execution)",
                "agent-service/target/docflow-agent-service-" + version + ".jar", "the service's jar",
                "agent-service/target/lib/", "the service's dependencies (-Pimage)",
                "flink-lib/target/lib/", "the native libraries' jars for Flink's lib/ (flink-lib's copy-dependencies)");
        Pattern copy = Pattern.compile("^COPY (?!--from)(?:--\\S+ )*(\\S+) \\S+$", Pattern.MULTILINE);
        for (String dockerfile : List.of("flink/Dockerfile", "agent-service/Dockerfile")) {
            Matcher sources = copy.matcher(Files.readString(DOCKER.resolve(dockerfile)));
            int copies = 0;
            while (sources.find()) {
                copies++;
                String source = sources.group(1);
                assertThat(built.containsKey(source) || Files.exists(ROOT.resolve(source)))
                        .as("%s copies %s, which neither the repository nor the build has", dockerfile, source).isTrue();
            }
            assertThat(copies).as(dockerfile).isPositive();
        }
        assertThat(services.at("/agent-service/build/dockerfile").asText()).isEqualTo("docker/agent-service/Dockerfile");
        assertThat(services.at("/jobmanager/build/dockerfile").asText()).isEqualTo("docker/flink/Dockerfile");
        assertThat(Files.readString(ROOT.resolve("agent-service/pom.xml"))).contains("<id>image</id>");
    }

    @Test
    void prometheusScrapesTheServiceAndFlinkAndGrafanaIsProvisionedWithIt() throws IOException {
        JsonNode prometheus = YAML.readTree(DOCKER.resolve("prometheus/prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        prometheus.path("scrape_configs").forEach(job -> {
            job.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
            job.path("dns_sd_configs").forEach(c -> c.path("names").forEach(n -> targets.add(n.asText() + ":" + c.path("port").asText())));
        });
        assertThat(targets).containsExactlyInAnyOrder("agent-service:7070", "jobmanager:9249", "taskmanager:9249");
        assertThat(env("jobmanager", "FLINK_PROPERTIES")).contains("metrics.reporter.prom.port: 9249");
        for (String target : targets) {
            assertThat(names(services)).contains(target.substring(0, target.indexOf(':')));
        }
        for (JsonNode mount : services.path("grafana").path("volumes")) {
            String source = mount.asText().split(":")[0];
            if (source.startsWith("/")) {
                assertThat(Path.of(source)).as("grafana mounts %s", source).exists();
            }
        }
        JsonNode datasource = YAML.readTree(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml").toFile())
                .at("/datasources/0");
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
        try (Stream<Path> dashboards = Files.list(DOCKER.resolve("grafana/dashboards"))) {
            List<Path> files = dashboards.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                JsonNode dashboard = JSON.readTree(file.toFile());
                assertThat(dashboard.path("panels").size()).as(file.toString()).isPositive();
                dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
                        assertThat(target.at("/datasource/uid").asText()).as(file + " " + panel.path("title"))
                                .isEqualTo(datasource.path("uid").asText())));
            }
        }
    }

    private static String image(String service) {
        return services.path(service).path("image").asText();
    }

    private static String env(String service, String name) {
        return services.path(service).path("environment").path(name).asText();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record Run(int exitCode, String output) {}

    private static Run compose(Map<String, String> env, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", COMPOSE.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("DOCFLOW_"));
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("this test needs Compose's parser: apt-get install docker-compose (.ci/install-packages)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Map<String, String> rootPomProperties() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element project = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile()).getDocumentElement();
        Map<String, String> properties = new HashMap<>();
        var nodes = ((Element) project.getElementsByTagName("properties").item(0)).getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element property) {
                properties.put(property.getTagName(), property.getTextContent().strip());
            }
        }
        var children = project.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals("version")) {
                properties.put("project.version", child.getTextContent().strip());
            }
        }
        return properties;
    }
}
