package dev.docflow.connectors.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The stages of ingestion, as named in outcomes ({@code documents.failure_stage}), logs and the Flink dashboard. */
public enum Stage {
    PARSE("Parse (Tika)"),
    OCR("OCR (Tesseract)"),
    TABLES("Tables (tabula)"),
    CHUNK("Chunk"),
    EMBED("Embed"),
    INDEX("Index (Elasticsearch)"),
    /** The whole of ingestion, for a document no job ever reported on (the service's stuck-document sweep). */
    INGEST("Ingestion");

    private final String operatorName;

    Stage(String operatorName) {
        this.operatorName = operatorName;
    }

    public String operatorName() {
        return operatorName;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage a column or a message names; an unknown one is an {@link IllegalArgumentException} naming it. */
    public static Stage of(String code) {
        for (Stage stage : values()) {
            if (stage.code().equals(code)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown ingestion stage '" + code + "'");
    }

    @Override
    public String toString() {
        return code();
    }
}
