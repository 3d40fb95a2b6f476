package dev.docflow.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.docflow.agent.answer.AnswerProviderKind;
import dev.docflow.agent.answer.ExtractiveAnswerProvider;
import dev.docflow.agent.answer.RelevanceGate;
import dev.docflow.agent.auth.AdminKey;
import dev.docflow.agent.auth.ApiKeys;
import dev.docflow.agent.chat.ChatService;
import dev.docflow.agent.citations.SourceLinks;
import dev.docflow.agent.conversation.ContextCarryOver;
import dev.docflow.agent.conversation.ConversationService;
import dev.docflow.agent.chat.AnswerSlots;
import dev.docflow.agent.http.AdminController;
import dev.docflow.agent.http.AnswerStreaming;
import dev.docflow.agent.http.ChatRequestReader;
import dev.docflow.agent.http.ApiDocsPlugin;
import dev.docflow.agent.http.ApiKeyTenantResolver;
import dev.docflow.agent.http.Authentication;
import dev.docflow.agent.http.ChatController;
import dev.docflow.agent.http.ConsolePlugin;
import dev.docflow.agent.http.ConversationController;
import dev.docflow.agent.http.DocumentUploadController;
import dev.docflow.agent.http.ErrorMapping;
import dev.docflow.agent.http.IngestionJobController;
import dev.docflow.agent.http.KnowledgeBaseController;
import dev.docflow.agent.ingestion.FlinkRestClient;
import dev.docflow.agent.ingestion.IngestionJobService;
import dev.docflow.agent.http.InFlightRequests;
import dev.docflow.agent.http.OperationsController;
import dev.docflow.agent.http.RequestIds;
import dev.docflow.agent.http.RequestMetrics;
import dev.docflow.agent.chat.ChatTimings;
import dev.docflow.agent.operations.CachedReading;
import dev.docflow.agent.operations.DocumentBacklogRepository;
import dev.docflow.agent.operations.DependencyProbes;
import dev.docflow.agent.operations.MeteredChatTimings;
import dev.docflow.agent.operations.OutboxBacklogRepository;
import dev.docflow.agent.operations.Readiness;
import dev.docflow.agent.operations.ServiceMetrics;
import dev.docflow.agent.http.TenantResolver;
import dev.docflow.agent.knowledgebase.KnowledgeBaseService;
import dev.docflow.agent.llm.LanguageModels;
import dev.docflow.agent.openai.OpenAiController;
import dev.docflow.agent.retrieval.EarlierModelChunks;
import dev.docflow.agent.retrieval.HybridRetriever;
import dev.docflow.agent.retrieval.PassageRanking;
import dev.docflow.agent.retrieval.QuestionEncoder;
import dev.docflow.agent.retrieval.StemmedTerms;
import dev.docflow.agent.upload.DocumentUploadService;
import dev.docflow.agent.upload.OutboxPublisher;
import dev.docflow.agent.upload.StuckDocumentReconciler;
import dev.docflow.agent.upload.VersionSweeper;
import dev.docflow.connectors.analysis.EnglishTextAnalyzer;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent service, wired and ready to start: what {@link Main} runs and what the CLI and tests
 * run in-process. It never starts Elasticsearch or PostgreSQL; it connects to them.
 *
 * <p>Routes: {@code GET /}, the web console ({@link ConsolePlugin}), {@code GET /health}, {@code /ready} and
 * {@code /metrics} ({@link OperationsController}), {@code POST /api/chat}, conversations under {@code /api/conversations},
 * the OpenAI-compatible {@code /v1/models} and {@code /v1/chat/completions} ({@link OpenAiController}),
 * knowledge bases and their documents under
 * {@code /api/knowledge-bases} (see {@link KnowledgeBaseController}, {@link DocumentUploadController}).
 * {@link #stop()} stops gracefully, {@link #close()} at once: the server, the outbox publisher, the
 * version sweeper, the stuck-document reconciler and the index client; the database and the
 * embedding model belong to the caller.
 */
public final class AgentApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentApp.class);
    /** Scrapes every 15 s or so read the database for their gauges at most once each; several scrapers share a read. */
    private static final Duration GAUGE_READ_MAX_AGE = Duration.ofSeconds(5);
    /** A send waits for Kafka up to 10 s (the producer's max.block.ms): one try, then the next start publishes. */
    static final int OUTBOX_FLUSH_SECONDS = 10;

    private final AgentConfig config;
    private final Javalin javalin;
    private final ChunkIndex index;
    private final EnglishTextAnalyzer english;

    private final ObjectStore store;
    private final OutboxPublisher publisher;
    private final VersionSweeper sweeper;
    private final StuckDocumentReconciler reconciler;
    private final PassageRanking ranking;
    private final ServiceMetrics metrics;
    private final Readiness readiness;
    private final DependencyProbes probes;
    private final InFlightRequests inFlight;

    private AgentApp(AgentConfig config, Javalin javalin, ChunkIndex index, EnglishTextAnalyzer english, ObjectStore store,
            OutboxPublisher publisher, VersionSweeper sweeper, StuckDocumentReconciler reconciler, PassageRanking ranking,
            ServiceMetrics metrics, Readiness readiness, DependencyProbes probes, InFlightRequests inFlight) {
        this.config = config;
        this.javalin = javalin;
        this.index = index;
        this.english = english;
        this.store = store;
        this.publisher = publisher;
        this.sweeper = sweeper;
        this.reconciler = reconciler;
        this.ranking = ranking;
        this.metrics = metrics;
        this.readiness = readiness;
        this.probes = probes;
        this.inFlight = inFlight;
    }

    /** Builds the app with each request's tenant given by its API key. */
    public static AgentApp create(AgentConfig config, Database database, EmbeddingModel model) {
        return create(config, database, model, new ApiKeyTenantResolver(new ApiKeys(database.apiKeys())));
    }

    public static AgentApp create(AgentConfig config, Database database, EmbeddingModel model, TenantResolver tenants) {
        ChunkIndex index = new ChunkIndex(config.elasticsearch());
        EnglishTextAnalyzer english = new EnglishTextAnalyzer();
        StemmedTerms terms = new StemmedTerms(english);
        ObjectMapper json = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        SourceLinks links = new SourceLinks(database.documents(), new ObjectStore(config.uploads().publicObjectStore()),
                config.uploads().linkTtl());
        ConversationService conversations = new ConversationService(database.conversations(), links, json,
                config.limits().maxHistoryChars());
        QuestionEncoder encoder = new QuestionEncoder(model, terms, config.retrieval().embeddingModel().queryPrefix());
        HybridRetriever retriever = new HybridRetriever(index::search, config.retrieval());
        ServiceMetrics metrics = new ServiceMetrics();
        ChatService chat = chatService(config, database, model, encoder, retriever, terms, conversations, links,
                new MeteredChatTimings(metrics));
        ChatRequestReader chatRequests = new ChatRequestReader(json, config.limits());
        AnswerStreaming streaming = new AnswerStreaming(chat, json);
        ChatController chatController = new ChatController(chat, chatRequests, streaming);
        ObjectStore store = new ObjectStore(config.uploads().objectStore());
        KnowledgeBaseService knowledgeBaseService = new KnowledgeBaseService(database.knowledgeBases(), database.documents(), index, store);
        KnowledgeBaseController knowledgeBaseController = new KnowledgeBaseController(knowledgeBaseService, json);
        OutboxPublisher publisher = new OutboxPublisher(database.uploads(), config.uploads());
        VersionSweeper sweeper = new VersionSweeper(database.objectRemovals(), store, config.uploads().removalGrace());
        StuckDocumentReconciler reconciler = new StuckDocumentReconciler(database.uploads(), database.documents(), store,
                publisher, config.uploads().reconcile(), config.uploads().uploadsTopic());
        DocumentUploadController uploadController = new DocumentUploadController(new DocumentUploadService(
                database.knowledgeBases(), database, store, publisher, config.uploads().maxFileBytes()), config.uploads(),
                metrics);
        OutboxBacklogRepository backlog = database.repository(OutboxBacklogRepository.class);
        metrics.outbox(new CachedReading<>(backlog::backlog, GAUGE_READ_MAX_AGE, System::nanoTime));
        metrics.documentBacklog(new CachedReading<>(database.repository(DocumentBacklogRepository.class)::backlog,
                GAUGE_READ_MAX_AGE, System::nanoTime));
        DependencyProbes probes = new DependencyProbes(config.elasticsearch(), config.uploads().objectStore(),
                config.uploads().kafkaBootstrapServers(), backlog, Readiness.DEFAULT_TIMEOUT);
        Readiness readiness = new Readiness(probes.checks(), Readiness.DEFAULT_TIMEOUT);
        InFlightRequests inFlight = new InFlightRequests();
        metrics.requestsInFlight(inFlight::count);
        Javalin javalin = Javalin.create(javalinConfig -> {
            javalinConfig.showJavalinBanner = false;
            javalinConfig.registerPlugin(new ApiDocsPlugin()); // GET /openapi.json, GET /docs
            javalinConfig.registerPlugin(new ConsolePlugin(config.flinkDashboardUrl())); // GET /, /console/*
            // parts over a megabyte go to disk, never whole into memory; the size limit is ours (413)
            javalinConfig.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            // Jetty stops reading a part or a body past these as it streams: no temporary file grows beyond them
            javalinConfig.jetty.multipartConfig.maxFileSize(config.uploads().maxFileBytes(), SizeUnit.BYTES);
            javalinConfig.jetty.multipartConfig.maxTotalRequestSize(config.uploads().maxRequestBytes(), SizeUnit.BYTES);
            javalinConfig.jsonMapper(new JavalinJackson(json, false));
            javalinConfig.requestLogger.http(new RequestMetrics(metrics, () -> javalinConfig.pvt.internalRouter));
            // around Javalin: counts requests for a graceful stop, clears each request's logging context
            javalinConfig.jetty.modifyServer(server -> server.setHandler(inFlight));
        });
        ErrorMapping.register(javalin);
        javalin.before(new RequestIds());
        Authentication authenticate = new Authentication(new AdminKey(config.adminKey()), tenants, config.requestsPerMinute(),
                config.limits().failedAuthenticationsPerMinute());
        javalin.before("/api/*", authenticate);
        javalin.before("/v1/*", authenticate); // the OpenAI-compatible routes: same keys, tenants and limit
        OperationsController operations = new OperationsController(readiness, metrics);
        javalin.get("/health", operations::health);
        javalin.get("/ready", operations::ready);
        javalin.get("/metrics", operations::metrics);
        javalin.post("/api/chat", chatController::chat);
        ConversationController conversationController = new ConversationController(conversations);
        javalin.get("/api/conversations", conversationController::list);
        javalin.get("/api/conversations/{id}", conversationController::read);
        javalin.delete("/api/conversations/{id}", conversationController::delete);
        AdminController adminController = new AdminController(new ApiKeys(database.apiKeys()), json);
        javalin.post("/api/admin/tenants", adminController::createTenant);
        javalin.post("/api/admin/tenants/{tenant}/keys", adminController::createKey);
        javalin.get("/api/admin/tenants/{tenant}/keys", adminController::listKeys);
        javalin.delete("/api/admin/tenants/{tenant}/keys/{id}", adminController::revokeKey);
        javalin.get("/api/knowledge-bases", knowledgeBaseController::list);
        javalin.post("/api/knowledge-bases", knowledgeBaseController::create);
        javalin.delete("/api/knowledge-bases/{kb}", knowledgeBaseController::delete);
        javalin.post("/api/knowledge-bases/{kb}/documents", uploadController::upload);
        javalin.delete("/api/knowledge-bases/{kb}/documents/{id}", knowledgeBaseController::deleteDocument);
        javalin.get("/api/knowledge-bases/{kb}", knowledgeBaseController::summary);
        javalin.get("/api/knowledge-bases/{kb}/documents", knowledgeBaseController::documents);
        javalin.get("/api/knowledge-bases/{kb}/documents/{id}", knowledgeBaseController::document);
        IngestionJobController jobController = new IngestionJobController(new IngestionJobService(knowledgeBaseService,
                new FlinkRestClient(config.flinkDashboard().restUrl()), config.flinkDashboard().url()));
        javalin.get("/api/knowledge-bases/{kb}/jobs", jobController::list);
        OpenAiController openAi = new OpenAiController(chat, knowledgeBaseService, chatRequests, streaming);
        javalin.get("/v1/models", openAi::models);
        javalin.post("/v1/chat/completions", openAi::completions);
        return new AgentApp(config, javalin, index, english, store, publisher, sweeper, reconciler,
                new PassageRanking(encoder, retriever), metrics, readiness, probes, inFlight);
    }

    /** chat → retrieve → answer, with the answer provider and follow-up rewriter the config names. */
    private static ChatService chatService(AgentConfig config, Database database, EmbeddingModel model,
            QuestionEncoder encoder, HybridRetriever retriever, StemmedTerms terms, ConversationService conversations,
            SourceLinks links, ChatTimings timings) {
        boolean languageModel = config.answerProvider() == AnswerProviderKind.LANGUAGE_MODEL;
        return new ChatService(
                database.knowledgeBases(),
                database.documents(),
                encoder,
                retriever,
                config.retrieval(),
                new RelevanceGate(config.answer().minSimilarity()),
                languageModel ? LanguageModels.answerProvider(config.languageModel())
                        : new ExtractiveAnswerProvider(model, terms, config.answer()),
                languageModel ? LanguageModels.followUpRewriter(config.languageModel()) : new ContextCarryOver(),
                conversations,
                links,
                new AnswerSlots(config.limits().maxConcurrentAnswersPerTenant()),
                config.limits().answerDeadline(),
                timings);
    }

    /**
     * Makes sure the chunk index exists (so a fresh stack answers "not found" rather than failing),
     * then binds {@link AgentConfig#httpHost()}:{@link AgentConfig#httpPort()}.
     *
     * @return the bound port (a free one when the configured port is 0)
     */
    public int start() {
        EarlierModelChunks.notice(config.elasticsearch(), config.retrieval().embeddingModel()).ifPresent(LOG::warn);
        index.ensureExists();
        store.ensureBucket();
        publisher.start();
        sweeper.start();
        reconciler.start();
        javalin.start(config.httpHost(), config.httpPort());
        LOG.info("agent service started port={} elasticsearch={} alias={}",
                javalin.port(), config.elasticsearch().url(), config.elasticsearch().indexAlias());
        return javalin.port();
    }

    /**
     * The ranked chunks behind chat's answers, with chat's own encoder and retriever, for the
     * retrieval bench to measure retrieval apart from the answer stage; not used by any route.
     */
    public PassageRanking passageRanking() {
        return ranking;
    }

    /** The Javalin app, for tests that compare its routes with the API document. */
    Javalin javalin() {
        return javalin;
    }

    /** The bound port; valid after {@link #start()}. */
    public int port() {
        return javalin.port();
    }

    /**
     * Stops gracefully, as on SIGTERM: {@code /ready} says 503 at once (so a load balancer sends no
     * more), the requests in flight (answers, streams, uploads) get up to {@code shutdown.grace-seconds}
     * to finish, the outbox publisher publishes what is pending (up to {@value #OUTBOX_FLUSH_SECONDS}
     * s), then everything stops as {@link #close()} does; a request still running then is cut off.
     */
    public void stop() {
        long started = System.nanoTime();
        readiness.stopping();
        LOG.info("agent service stopping inFlight={} graceSeconds={}", inFlight.count(),
                config.operations().shutdownGrace().toSeconds());
        boolean drained;
        try {
            drained = inFlight.awaitNone(config.operations().shutdownGrace());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        boolean flushed = publisher.flush(Duration.ofSeconds(OUTBOX_FLUSH_SECONDS));
        int cut = inFlight.count();
        close();
        LOG.info("agent service stopped drained={} cutOff={} outboxFlushed={} tookMs={}", drained, cut, flushed,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Stops at once: requests in flight are cut off. */
    @Override
    public void close() {
        readiness.stopping();
        javalin.stop();
        publisher.close();
        sweeper.close();
        reconciler.close();
        readiness.close();
        probes.close();
        metrics.close();
        index.close();
        english.close();
    }
}
