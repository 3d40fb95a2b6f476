package dev.docflow.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.docflow.agent.answer.AnswerProviderKind;
import dev.docflow.agent.retrieval.FusionMethod;
import dev.docflow.agent.operations.LogFormat;
import dev.docflow.agent.operations.OperationsSettings;
import dev.docflow.connectors.elasticsearch.ElasticsearchSettings;
import dev.docflow.connectors.embedding.EmbeddingModelChoice;
import dev.docflow.connectors.postgres.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import dev.docflow.agent.upload.UploadSettings;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenThereIsNoFileAndNoEnvironment() {
        AgentConfig config = AgentConfig.load(dir.resolve("absent.properties"), Map.of());

        assertThat(config.httpPort()).isEqualTo(7070);
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.elasticsearch().url()).isEqualTo("http://127.0.0.1:9200");
        assertThat(config.elasticsearch().indexAlias()).isEqualTo("docflow-chunks-bge-small-en-v15-q");
        assertThat(config.retrieval().embeddingModel()).isEqualTo(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q);
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/docflow");
        assertThat(config.adminKey()).isEmpty();
        assertThat(config.uploads().kafkaBootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.uploads().maxFileBytes()).isEqualTo(512L << 20);
        assertThat(config.retrieval().topK()).isEqualTo(8);
        assertThat(config.retrieval().candidates()).isEqualTo(50);
        assertThat(config.retrieval().rrfK()).isEqualTo(60);
        assertThat(config.answer().minSimilarity()).isEqualTo(0.60);
        assertThat(config.answer().minSentenceScore()).isEqualTo(0.55);
        assertThat(config.answer().maxSentences()).isEqualTo(5);
        assertThat(config.answer().maxQuotables()).isEqualTo(64);
        assertThat(config.answerProvider()).isEqualTo(AnswerProviderKind.EXTRACTIVE);
        assertThat(config.languageModel().timeout()).hasSeconds(60);
    }

    @Test
    void theFileSetsValuesAndTheEnvironmentOverridesThem() throws IOException {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, String.join("\n",
                "http.port=8080",
                "elasticsearch.url=http://search:9200",
                "database.url=jdbc:postgresql://db:5432/docflow",
                "database.user=reader",
                "retrieval.top-k=8",
                "answer.min-similarity=0.4"));

        AgentConfig config = AgentConfig.load(file, Map.of(
                "DOCFLOW_HTTP_PORT", "9090",
                "DOCFLOW_DATABASE_PASSWORD", "secret",
                "DOCFLOW_RETRIEVAL_RRF_K", "20",
                "DOCFLOW_ELASTICSEARCH_URL", " ",
                "PATH", "/usr/bin"));

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.elasticsearch().url()).isEqualTo("http://search:9200");
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/docflow");
        assertThat(config.database().user()).isEqualTo("reader");
        assertThat(config.database().password()).isEqualTo("secret");
        assertThat(config.retrieval().topK()).isEqualTo(8);
        assertThat(config.retrieval().rrfK()).isEqualTo(20);
        assertThat(config.answer().minSimilarity()).isEqualTo(0.4);
    }

    @Test
    void fusionIsByRankUnlessConvexIsChosen() {
        assertThat(AgentConfig.load(null, Map.of()).retrieval().fusion()).isEqualTo(FusionMethod.RRF);
        assertThat(AgentConfig.load(null, Map.of("DOCFLOW_RETRIEVAL_FUSION", "convex")).retrieval().fusion())
                .isEqualTo(FusionMethod.CONVEX);
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_RETRIEVAL_FUSION", "sum")))
                .hasMessageContaining("retrieval.fusion").hasMessageContaining("rrf or convex");
    }

    @Test
    void anAnswerScoresAtLeastAsManyQuotablesAsItMayQuote() {
        assertThat(AgentConfig.load(null, Map.of("DOCFLOW_ANSWER_MAX_QUOTABLES", "16")).answer().maxQuotables()).isEqualTo(16);
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_ANSWER_MAX_QUOTABLES", "4")))
                .hasMessageContaining("answer.max-quotables");
    }

    @Test
    void replacedFilesOutliveTheirReplacementAsLongAsLinksUnlessTheGraceIsSet() {
        assertThat(AgentConfig.load(null, Map.of()).uploads().removalGrace()).isEqualTo(UploadSettings.DEFAULT_LINK_TTL);
        assertThat(AgentConfig.load(null, Map.of("DOCFLOW_UPLOAD_REMOVAL_GRACE_SECONDS", "0")).uploads().removalGrace())
                .isEqualTo(java.time.Duration.ZERO);
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_UPLOAD_REMOVAL_GRACE_SECONDS", "-5")))
                .hasMessageContaining("upload.removal-grace-seconds");
    }

    @Test
    void theServiceLimitsAreReadWithTheirDefaultsAndChecked() {
        assertThat(AgentConfig.load(null, Map.of()).limits()).isEqualTo(ServiceLimits.DEFAULTS);
        assertThat(AgentConfig.load(null, Map.of()).languageModel().maxHistoryChars()).isEqualTo(8_000);

        AgentConfig config = AgentConfig.load(null, Map.of(
                "DOCFLOW_CHAT_MAX_MESSAGE_CHARS", "2000",
                "DOCFLOW_CHAT_MAX_HISTORY_CHARS", "10000",
                "DOCFLOW_CHAT_MAX_CONCURRENT_ANSWERS_PER_TENANT", "3",
                "DOCFLOW_CHAT_ANSWER_DEADLINE_SECONDS", "30",
                "DOCFLOW_AUTH_FAILED_ATTEMPTS_PER_MINUTE", "5",
                "DOCFLOW_LLM_MAX_HISTORY_CHARS", "4000"));

        assertThat(config.limits()).isEqualTo(new ServiceLimits(2_000, 10_000, 3, java.time.Duration.ofSeconds(30), 5, 16));
        assertThat(config.languageModel().maxHistoryChars()).isEqualTo(4_000);
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_CHAT_MAX_CONCURRENT_ANSWERS_PER_TENANT", "0")))
                .hasMessageStartingWith("chat.max-concurrent-answers-per-tenant (DOCFLOW_CHAT_MAX_CONCURRENT_ANSWERS_PER_TENANT)");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_CHAT_ANSWER_DEADLINE_SECONDS", "0")))
                .hasMessageStartingWith("chat.answer-deadline-seconds (DOCFLOW_CHAT_ANSWER_DEADLINE_SECONDS)");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_CHAT_MAX_MESSAGE_CHARS", "10")))
                .hasMessageStartingWith("chat.max-message-chars (DOCFLOW_CHAT_MAX_MESSAGE_CHARS)");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_AUTH_FAILED_ATTEMPTS_PER_MINUTE", "-1")))
                .hasMessageStartingWith("auth.failed-attempts-per-minute (DOCFLOW_AUTH_FAILED_ATTEMPTS_PER_MINUTE)");
    }

    @Test
    void eachServerHasABoundedTimeoutThatIsASetting() {
        AgentConfig defaults = AgentConfig.load(null, Map.of());
        assertThat(defaults.elasticsearch().timeout()).hasSeconds(30);
        assertThat(defaults.database().connectionTimeout()).hasSeconds(10);
        assertThat(defaults.uploads().objectStore().timeout()).hasSeconds(30);

        AgentConfig config = AgentConfig.load(null, Map.of(
                "DOCFLOW_ELASTICSEARCH_TIMEOUT_SECONDS", "5",
                "DOCFLOW_DATABASE_CONNECTION_TIMEOUT_SECONDS", "2",
                "DOCFLOW_S3_TIMEOUT_SECONDS", "7"));
        assertThat(config.elasticsearch().timeout()).hasSeconds(5);
        assertThat(config.database().connectionTimeout()).hasSeconds(2);
        assertThat(config.uploads().objectStore().timeout()).hasSeconds(7);

        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_DATABASE_CONNECTION_TIMEOUT_SECONDS", "0")))
                .hasMessageContaining("database.connection-timeout-seconds");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_ELASTICSEARCH_TIMEOUT_SECONDS", "0")))
                .hasMessageContaining("elasticsearch.timeout-seconds");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_S3_TIMEOUT_SECONDS", "-1")))
                .hasMessageContaining("s3.timeout-seconds");
    }

    @Test
    void theConsoleLinksToTheFlinkDashboardTheSettingNames() {
        assertThat(AgentConfig.load(null, Map.of()).flinkDashboardUrl()).isEqualTo("http://localhost:8081");
        assertThat(AgentConfig.load(null, Map.of("DOCFLOW_CONSOLE_FLINK_DASHBOARD_URL", "https://flink.example.com/"))
                .flinkDashboardUrl()).isEqualTo("https://flink.example.com/");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_CONSOLE_FLINK_DASHBOARD_URL", "javascript:alert(1)")))
                .hasMessageStartingWith("console.flink-dashboard-url (DOCFLOW_CONSOLE_FLINK_DASHBOARD_URL) must be the http(s) URL");
    }

    /** In containers the service calls the JobManager by its container name while browsers open the published port. */
    @Test
    void theServiceReadsJobsFromItsOwnFlinkAddressWhenOneIsSetElseFromTheDashboards() {
        AgentConfig one = AgentConfig.load(null, Map.of("DOCFLOW_CONSOLE_FLINK_DASHBOARD_URL", "http://127.0.0.1:8081"));
        AgentConfig two = AgentConfig.load(null, Map.of("DOCFLOW_CONSOLE_FLINK_DASHBOARD_URL", "http://127.0.0.1:8081",
                "DOCFLOW_CONSOLE_FLINK_REST_URL", "http://jobmanager:8081"));

        assertThat(one.flinkDashboard()).isEqualTo(new FlinkDashboard("http://127.0.0.1:8081", "http://127.0.0.1:8081"));
        assertThat(two.flinkDashboard()).isEqualTo(new FlinkDashboard("http://127.0.0.1:8081", "http://jobmanager:8081"));
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_CONSOLE_FLINK_REST_URL", "jobmanager:8081")))
                .hasMessageStartingWith("console.flink-rest-url (DOCFLOW_CONSOLE_FLINK_REST_URL) must be the http(s) URL");
    }

    @Test
    void theLogFormatAndTheShutdownGraceAreSettingsWithPlainAnd20sByDefault() {
        AgentConfig defaults = AgentConfig.load(dir.resolve("absent.properties"), Map.of());
        AgentConfig set = AgentConfig.load(dir.resolve("absent.properties"),
                Map.of("DOCFLOW_LOGGING_FORMAT", "JSON", "DOCFLOW_SHUTDOWN_GRACE_SECONDS", "45"));

        assertThat(defaults.operations()).isEqualTo(OperationsSettings.DEFAULTS);
        assertThat(defaults.operations().logFormat()).isEqualTo(LogFormat.PLAIN);
        assertThat(defaults.operations().shutdownGrace()).hasSeconds(20);
        assertThat(set.operations().logFormat()).isEqualTo(LogFormat.JSON);
        assertThat(set.operations().shutdownGrace()).hasSeconds(45);
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_LOGGING_FORMAT", "xml")))
                .hasMessageContaining("logging.format").hasMessageContaining("DOCFLOW_LOGGING_FORMAT")
                .hasMessageContaining("plain or json");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_SHUTDOWN_GRACE_SECONDS", "-1")))
                .hasMessageContaining("shutdown.grace-seconds (DOCFLOW_SHUTDOWN_GRACE_SECONDS) must be between 0");
    }

    @Test
    void aValueThatIsNotANumberNamesTheSettingAndItsVariable() {
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_HTTP_PORT", "seventy")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("http.port (DOCFLOW_HTTP_PORT) must be a whole number; got 'seventy'");
    }

    @Test
    void valuesOutOfRangeSayWhatIsAllowed() {
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_HTTP_PORT", "70000")))
                .hasMessageContaining("between 0 (any free port) and 65535");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_RETRIEVAL_TOP_K", "80")))
                .hasMessage("retrieval.top-k (DOCFLOW_RETRIEVAL_TOP_K) must be between 1 and retrieval.candidates (50)");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_ELASTICSEARCH_URL", "localhost:9200")))
                .hasMessageContaining("must be an http(s) URL");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_DATABASE_URL", "postgres://db/docflow")))
                .hasMessageContaining("must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_ANSWER_MIN_SIMILARITY", "1.5")))
                .hasMessageContaining("answer.min-similarity");
    }

    @Test
    void retrievalLeversAndTheEmbeddingModelAreSettings() {
        AgentConfig config = AgentConfig.load(null, Map.of(
                "DOCFLOW_RETRIEVAL_BM25_WEIGHT", "1.5", "DOCFLOW_RETRIEVAL_KNN_WEIGHT", "0.5",
                "DOCFLOW_RETRIEVAL_HEADING_BOOST", "2", "DOCFLOW_RETRIEVAL_TITLE_BOOST", "0.5",
                "DOCFLOW_RETRIEVAL_NEIGHBOURS", "1", "DOCFLOW_EMBEDDING_MODEL", "bge-small-en-v15-q",
                "DOCFLOW_RETRIEVAL_COVERAGE_WEIGHT", "0.02"));

        assertThat(config.retrieval().bm25Weight()).isEqualTo(1.5);
        assertThat(config.retrieval().knnWeight()).isEqualTo(0.5);
        assertThat(config.retrieval().headingBoost()).isEqualTo(2);
        assertThat(config.retrieval().titleBoost()).isEqualTo(0.5);
        assertThat(config.retrieval().neighbours()).isEqualTo(1);
        assertThat(config.retrieval().coverageWeight()).isEqualTo(0.02);
        assertThat(config.retrieval().embeddingModel()).isEqualTo(EmbeddingModelChoice.BGE_SMALL_EN_V15_Q);
        assertThat(config.retrieval().embeddingModel().queryPrefix())
                .isEqualTo("Represent this sentence for searching relevant passages: ");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_EMBEDDING_MODEL", "ada-002")))
                .hasMessage("embedding.model (DOCFLOW_EMBEDDING_MODEL) must be one of all-minilm-l6-v2, all-minilm-l6-v2-q,"
                        + " bge-small-en-v15, bge-small-en-v15-q; got 'ada-002'");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_RETRIEVAL_BM25_WEIGHT", "0", "DOCFLOW_RETRIEVAL_KNN_WEIGHT", "0")))
                .hasMessageContaining("not both 0");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_RETRIEVAL_COVERAGE_WEIGHT", "-1")))
                .hasMessageContaining("retrieval.coverage-weight");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_RETRIEVAL_NEIGHBOURS", "5")))
                .hasMessageContaining("retrieval.neighbours (DOCFLOW_RETRIEVAL_NEIGHBOURS) must be between 0 and 3");
    }

    @Test
    void theCliBuildsAConfigInCodeWithDefaultsForTheRest() {
        AgentConfig config = AgentConfig.of(
                        ElasticsearchSettings.of("http://127.0.0.1:9250"),
                        new DatabaseSettings("jdbc:postgresql://127.0.0.1:5432/x", "u", null))
                .withHttpPort(0);

        assertThat(config.httpPort()).isZero();
        assertThat(config.adminKey()).isEmpty();
        assertThat(config.retrieval().topK()).isEqualTo(8);
    }

    @Test
    void aShortAdminKeyIsRefusedAndTheKeyNeverShowsInToString() {
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_AUTH_ADMIN_KEY", "secret")))
                .hasMessageContaining("auth.admin-key").hasMessageContaining("24 characters");
        AgentConfig config = AgentConfig.load(null, Map.of("DOCFLOW_AUTH_ADMIN_KEY", "a-long-enough-admin-key-0123456789"));
        assertThat(config.adminKey()).isEqualTo("a-long-enough-admin-key-0123456789");
        assertThat(config.toString()).doesNotContain("a-long-enough-admin-key");
    }

    @Test
    void theLanguageModelIsConfiguredInTheFileWithTheKeyFromTheEnvironmentAndTheKeyNeverShows() throws IOException {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, String.join("\n",
                "answer.provider=language-model",
                "llm.base-url=http://127.0.0.1:11434/v1",
                "llm.model=llama3.1",
                "llm.timeout-seconds=20",
                "llm.max-history-turns=2"));

        AgentConfig config = AgentConfig.load(file, Map.of("DOCFLOW_LLM_API_KEY", "sk-from-the-environment"));

        assertThat(config.answerProvider()).isEqualTo(AnswerProviderKind.LANGUAGE_MODEL);
        assertThat(config.languageModel().baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
        assertThat(config.languageModel().model()).isEqualTo("llama3.1");
        assertThat(config.languageModel().apiKey()).isEqualTo("sk-from-the-environment");
        assertThat(config.languageModel().timeout()).hasSeconds(20);
        assertThat(config.languageModel().maxHistoryTurns()).isEqualTo(2);
        assertThat(config.languageModel().maxPassageChars()).isEqualTo(24_000);
        assertThat(config.toString()).contains("language-model", "llama3.1").doesNotContain("sk-from-the-environment");
        assertThat(config.withHttpPort(0).languageModel()).isEqualTo(config.languageModel());
    }

    @Test
    void aLanguageModelWithoutBaseUrlOrModelStopsTheStart() {
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_ANSWER_PROVIDER", "language-model",
                        "DOCFLOW_LLM_MODEL", "gpt-4o-mini")))
                .hasMessageStartingWith("llm.base-url (DOCFLOW_LLM_BASE_URL) must be the http(s) URL of an OpenAI-compatible API");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_ANSWER_PROVIDER", "language-model",
                        "DOCFLOW_LLM_BASE_URL", "https://api.openai.com/v1")))
                .hasMessage("llm.model (DOCFLOW_LLM_MODEL) must name the model (e.g. gpt-4o-mini) when answer.provider=language-model");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_ANSWER_PROVIDER", "gpt")))
                .hasMessage("answer.provider (DOCFLOW_ANSWER_PROVIDER) must be one of extractive, language-model; got 'gpt'");
        assertThatThrownBy(() -> AgentConfig.load(null, Map.of("DOCFLOW_LLM_TIMEOUT_SECONDS", "0")))
                .hasMessageContaining("llm.timeout-seconds");
    }

    @Test
    void theExtractiveProviderNeedsNoModelSettings() {
        AgentConfig config = AgentConfig.load(null, Map.of("DOCFLOW_ANSWER_PROVIDER", "extractive"));

        assertThat(config.answerProvider()).isEqualTo(AnswerProviderKind.EXTRACTIVE);
        assertThat(config.languageModel().baseUrl()).isEmpty();
    }

    @Test
    void environmentVariablesAreDerivedFromKeys() {
        assertThat(AgentConfig.environmentVariable("retrieval.top-k")).isEqualTo("DOCFLOW_RETRIEVAL_TOP_K");
        assertThat(AgentConfig.environmentVariable("database.url")).isEqualTo("DOCFLOW_DATABASE_URL");
    }

    @Test
    void theAnswerThresholdsDefaultToTheEmbeddingModelsOwnAndASettingWins() {
        AgentConfig miniLm = AgentConfig.load(null, Map.of("DOCFLOW_EMBEDDING_MODEL", "all-minilm-l6-v2"));
        AgentConfig set = AgentConfig.load(null, Map.of("DOCFLOW_EMBEDDING_MODEL", "all-minilm-l6-v2",
                "DOCFLOW_ANSWER_MIN_SENTENCE_SCORE", "0.5"));

        // each model spreads its cosines differently: MiniLM's nearest chunks score far lower
        assertThat(miniLm.answer().minSimilarity()).isEqualTo(0.30);
        assertThat(miniLm.answer().minSentenceScore()).isEqualTo(0.40);
        assertThat(miniLm.elasticsearch().indexAlias()).isEqualTo("docflow-chunks");
        assertThat(set.answer().minSentenceScore()).isEqualTo(0.5);
        assertThat(set.answer().minSimilarity()).isEqualTo(0.30);
    }
}
