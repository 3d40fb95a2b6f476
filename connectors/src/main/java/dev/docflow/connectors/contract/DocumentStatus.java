package dev.docflow.connectors.contract;

/** Where a document is in its life; stored in PostgreSQL as the lower-case name. */
public enum DocumentStatus {
    UPLOADED,
    PROCESSING,
    INDEXED,
    FAILED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
