package dev.docflow.connectors.postgres;

/** The database's schema is older than this build's: someone has to migrate it first. */
public final class SchemaOutdatedException extends IllegalStateException {
    public SchemaOutdatedException(String jdbcUrl, int found, int required) {
        super("The database at " + jdbcUrl + " has metadata schema version " + found + "; this build needs version "
                + required + ". Migrate it once with './docflow migrate' (or start the agent service, which"
                + " migrates at start); the ingestion jobs never change the schema themselves.");
    }
}
