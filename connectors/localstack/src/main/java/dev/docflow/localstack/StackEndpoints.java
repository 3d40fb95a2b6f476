package dev.docflow.localstack;

/**
 * Where the servers of a running stack answer, and the credentials to use. A field is {@code null}
 * when its server is not part of the stack. All addresses are on 127.0.0.1.
 *
 * @param elasticsearchUrl      e.g. {@code http://127.0.0.1:9200}; security is off, no credentials
 * @param jdbcUrl               e.g. {@code jdbc:postgresql://127.0.0.1:5432/docflow}, without user or password
 * @param databaseUser          the PostgreSQL user (a superuser)
 * @param databasePassword      its password
 * @param s3Endpoint            e.g. {@code http://127.0.0.1:9000}; path-style requests, any region
 * @param s3AccessKey           the S3 access key
 * @param s3SecretKey           the S3 secret key
 * @param kafkaBootstrapServers e.g. {@code 127.0.0.1:9092}, PLAINTEXT
 */
public record StackEndpoints(
        String elasticsearchUrl,
        String jdbcUrl,
        String databaseUser,
        String databasePassword,
        String s3Endpoint,
        String s3AccessKey,
        String s3SecretKey,
        String kafkaBootstrapServers) {

    /** Leaves the secrets out, so that logging the endpoints does not leak them. */
    @Override
    public String toString() {
        return "StackEndpoints[elasticsearchUrl=" + elasticsearchUrl + ", jdbcUrl=" + jdbcUrl
                + ", databaseUser=" + databaseUser + ", s3Endpoint=" + s3Endpoint + ", s3AccessKey=" + s3AccessKey
                + ", kafkaBootstrapServers=" + kafkaBootstrapServers + "]";
    }
}
