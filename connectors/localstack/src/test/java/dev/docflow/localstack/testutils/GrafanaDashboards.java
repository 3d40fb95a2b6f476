package dev.docflow.localstack.testutils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names that the Grafana dashboards under {@code docker/grafana/dashboards} query, read
 * from their PromQL, so tests can check each against what the service's {@code /metrics} and
 * Flink's reporter really expose.
 */
public final class GrafanaDashboards {
    private static final Pattern EXPR = Pattern.compile("\"expr\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    /** PromQL's functions, aggregations and keywords that look like names. */
    private static final Set<String> PROMQL = Set.of("sum", "max", "min", "avg", "count", "by", "without", "rate",
            "irate", "increase", "histogram_quantile", "and", "or", "unless", "on", "ignoring", "offset");

    private GrafanaDashboards() {}

    public static Path folder(Path repositoryRoot) {
        return repositoryRoot.resolve("docker/grafana/dashboards");
    }

    /** Every metric name the dashboard's queries use whose name starts with {@code prefix}. */
    public static Set<String> metricNames(Path dashboard, String prefix) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher expressions = EXPR.matcher(Files.readString(dashboard));
        while (expressions.find()) {
            String expression = expressions.group(1).replace("\\\"", "\"")
                    .replaceAll("\\{[^}]*}", " ")      // label matchers
                    .replaceAll("\\[[^]]*]", " ")      // range selectors
                    .replaceAll("(by|without)\\s*\\([^)]*\\)", " ")
                    .replaceAll("\"[^\"]*\"", " ");
            Matcher identifiers = IDENTIFIER.matcher(expression);
            while (identifiers.find()) {
                String name = identifiers.group();
                if (!PROMQL.contains(name) && name.startsWith(prefix)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
