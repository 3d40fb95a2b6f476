package dev.docflow.connectors.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.docflow.connectors.contract.KeywordBound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkIndexMappingTest {
    @Test
    void everyKeywordFieldIgnoresValuesOverTheBound() {
        List<String> keywords = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : ChunkIndexMapping.properties().properties()) {
            if ("keyword".equals(field.getValue().path("type").asText())) {
                keywords.add(field.getKey());
                assertThat(field.getValue().path("ignore_above").asInt()).as(field.getKey())
                        .isEqualTo(KeywordBound.IGNORE_ABOVE_CHARS);
            }
        }
        assertThat(keywords).containsExactlyInAnyOrderElementsOf(ChunkIndexMapping.KEYWORD_FIELDS);
    }
}
