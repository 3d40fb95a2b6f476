package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The session cluster's class path ({@code connectors/servers/flink}) holds the Prometheus reporter
 * that {@code flink-conf/config.yaml} names (commented out, opt-in), found the way Flink finds reporters (a
 * {@code MetricReporterFactory} service): a JobManager or TaskManager of {@code ./docflow cluster up}
 * that could not load it would only log a warning and serve no {@code /metrics}.
 */
class FlinkSessionClassPathTest {
    private static final String FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

    @Test
    void thePrometheusReporterThatTheConfigurationNamesIsOnTheClusterClassPath() throws Exception {
        List<URL> jars = new ArrayList<>();
        for (String entry : ServerProcess.serverResource("flink.classpath").split(File.pathSeparator)) {
            jars.add(new File(entry).toURI().toURL());
        }
        try (URLClassLoader cluster = new URLClassLoader(jars.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            Class<?> factoryType = cluster.loadClass("org.apache.flink.metrics.reporter.MetricReporterFactory");
            List<String> factories = new ArrayList<>();
            ServiceLoader.load(factoryType, cluster).stream().forEach(provider -> factories.add(provider.type().getName()));
            assertThat(factories).contains(FACTORY);
        }
    }
}
