package dev.docflow.bench.ingest;

import dev.docflow.agent.knowledgebase.KnowledgeBaseNotFoundException;
import dev.docflow.agent.knowledgebase.KnowledgeBaseService;
import dev.docflow.cli.LocalDeployment;
import dev.docflow.connectors.elasticsearch.ChunkIndex;
import dev.docflow.connectors.objectstore.ObjectStore;
import dev.docflow.connectors.postgres.Database;

/**
 * Deletes a bench's knowledge base before it is ingested again, as the service deletes one, so a
 * run measures every document processed from nothing and the index holds one copy.
 */
public final class KnowledgeBaseReset {
    private KnowledgeBaseReset() {
    }

    public static void reset(LocalDeployment deployment, String tenant, String knowledgeBase) {
        Database database = deployment.database();
        try (ChunkIndex index = new ChunkIndex(deployment.elasticsearchSettings())) {
            new KnowledgeBaseService(database.knowledgeBases(), database.documents(), index,
                    new ObjectStore(deployment.ingestionSettings().objectStore())).delete(tenant, knowledgeBase);
        } catch (KnowledgeBaseNotFoundException firstRun) {
            // nothing to delete
        }
    }
}
