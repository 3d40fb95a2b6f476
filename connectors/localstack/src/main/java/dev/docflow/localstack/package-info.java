/**
 * The embedded stack: real Elasticsearch, PostgreSQL, Kafka and S3 servers run as plain local
 * processes, for the demo CLI and the integration tests of every module.
 *
 * <p>Entry points: {@link dev.docflow.localstack.EmbeddedStack#start} with
 * {@link dev.docflow.localstack.StackSettings}, which gives
 * {@link dev.docflow.localstack.StackEndpoints}; {@link dev.docflow.localstack.RunningStack#find}
 * to use a stack another process already runs. Tests use {@code SharedStack.get()} from this
 * module's test-jar.
 *
 * <p>Work folder layout: {@code stack.lock}, {@code stack.json} (while running), and one folder per
 * server, {@code elasticsearch/}, {@code postgres/}, {@code kafka/}, {@code s3/}, each with its
 * data, its log file {@code <name>.log} and, where it has some, its {@code credentials}.
 */
package dev.docflow.localstack;
