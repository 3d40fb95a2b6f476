package dev.docflow.bench;

/**
 * The outages the fault bench causes, one at a time, in this order, and the 503 code the API must
 * answer with while each lasts (null: the API must go on answering, the pipeline catches up after).
 */
public enum Fault {
    /** Uploads are still accepted: their events wait in the outbox until Kafka is back. */
    KAFKA("kafka", null),
    POSTGRES("postgres", "database_unavailable"),
    /** Uploads are accepted; chat cannot search. */
    ELASTICSEARCH("elasticsearch", "search_unavailable"),
    /** Chat still answers (links are signed offline); uploads cannot be stored. */
    S3("s3", "object_store_unavailable"),
    /** The streaming job's only TaskManager is killed; the API is not concerned. */
    TASK_MANAGER("taskmanager", null);

    private final String label;
    private final String unavailableCode;

    Fault(String label, String unavailableCode) {
        this.label = label;
        this.unavailableCode = unavailableCode;
    }

    public String label() {
        return label;
    }

    /** The {@code error.code} of the 503s clients must get during the outage; null when they must get none. */
    public String unavailableCode() {
        return unavailableCode;
    }

    /** Whether uploads go on being accepted during the outage. */
    public boolean acceptsUploads() {
        return this != POSTGRES && this != S3;
    }
}
