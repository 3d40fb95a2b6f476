package dev.docflow.connectors.contract;

/**
 * The names Docflow's Flink jobs run under. The jobs are submitted with them and the agent
 * service finds, by them, which running job ingests a knowledge base (the console links to it), so
 * both sides derive them here.
 */
public final class IngestionJobNames {
    /** The streaming job: every tenant's uploads arriving through Kafka. */
    public static final String STREAMING = "Streaming ingest (Kafka uploads)";

    private static final String BULK_PREFIX = "Bulk ingest ";

    private IngestionJobNames() {}

    /** The bulk job that loads one knowledge base of one tenant. */
    public static String bulk(String tenant, String knowledgeBase) {
        return BULK_PREFIX + tenant + "/" + knowledgeBase;
    }
}
