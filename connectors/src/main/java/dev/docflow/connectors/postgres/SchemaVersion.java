package dev.docflow.connectors.postgres;

/**
 * The version of the metadata schema: the number of the newest migration applied.
 *
 * @param applied migrations {@link Database#migrate} applied in this run (0: the schema was current)
 */
public record SchemaVersion(int version, int applied) {
    /**
     * The newest migration under {@code db/migration}: this build's repositories are written for
     * it. {@code SchemaVersionTest} keeps it equal to the newest file there.
     */
    public static final int REQUIRED = 8;

    static int number(String flywayVersion) {
        return flywayVersion == null || flywayVersion.isEmpty() ? 0 : Integer.parseInt(flywayVersion);
    }
}
