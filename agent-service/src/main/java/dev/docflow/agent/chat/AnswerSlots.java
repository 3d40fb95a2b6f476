package dev.docflow.agent.chat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * How many answers each tenant has in progress, up to {@code perTenant}: one tenant's burst of
 * requests (hundreds of open streams, a slow language model) can hold only that many of the
 * service's request threads, and is told at once to retry rather than queued. Thread-safe.
 */
public final class AnswerSlots {
    /** What a rejected caller is told to wait: answers usually take a second or a few. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final int perTenant;
    // one semaphore per tenant that ever asked: as many as there are tenants, so never evicted
    private final ConcurrentHashMap<String, Semaphore> inProgress = new ConcurrentHashMap<>();

    public AnswerSlots(int perTenant) {
        if (perTenant < 1) {
            throw new IllegalArgumentException("answers per tenant must be at least 1; got " + perTenant);
        }
        this.perTenant = perTenant;
    }

    /**
     * Takes one of the tenant's slots, never waiting; close the slot when the answer is done.
     *
     * @throws TooManyConcurrentAnswersException when all the tenant's slots are taken
     */
    public Slot acquire(String tenant) {
        Semaphore slots = inProgress.computeIfAbsent(tenant, unused -> new Semaphore(perTenant));
        if (!slots.tryAcquire()) {
            throw new TooManyConcurrentAnswersException(tenant, perTenant, RETRY_AFTER_SECONDS);
        }
        return new Slot(slots);
    }

    /** Answers the tenant has in progress now. */
    public int inProgress(String tenant) {
        Semaphore slots = inProgress.get(tenant);
        return slots == null ? 0 : perTenant - slots.availablePermits();
    }

    /** One answer's slot; closing it more than once releases it once. */
    public static final class Slot implements AutoCloseable {
        private final Semaphore slots;
        private boolean released;

        private Slot(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public synchronized void close() {
            if (!released) {
                released = true;
                slots.release();
            }
        }
    }
}
