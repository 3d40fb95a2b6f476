package dev.docflow.ingest.model;

/** The stages of ingestion, as named in outcomes, logs and the Flink dashboard. */
public enum Stage {
    PARSE("Parse (Tika)"),
    OCR("OCR (Tesseract)"),
    TABLES("Tables (tabula)"),
    CHUNK("Chunk"),
    EMBED("Embed"),
    INDEX("Index (Elasticsearch)");

    private final String operatorName;

    Stage(String operatorName) {
        this.operatorName = operatorName;
    }

    public String operatorName() {
        return operatorName;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
