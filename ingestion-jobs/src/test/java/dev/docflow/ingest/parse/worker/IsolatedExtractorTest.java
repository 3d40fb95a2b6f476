package dev.docflow.ingest.parse.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.docflow.ingest.model.DocumentFailedException;
import dev.docflow.ingest.model.DocumentRef;
import dev.docflow.connectors.contract.Stage;
import dev.docflow.ingest.parse.ExtractionSettings;
import dev.docflow.connectors.contract.FailureReason;
import dev.docflow.ingest.parse.ParseIsolation;
import dev.docflow.ingest.parse.ParseLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor of worker processes against {@link ScriptedWorkerMain}, a worker that misbehaves on request. */
class IsolatedExtractorTest {
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(3);

    @TempDir
    Path dir;
    private IsolatedExtractor extractor;

    @AfterEach
    void close() {
        if (extractor != null) {
            extractor.close();
        }
    }

    private IsolatedExtractor pool(int workers) {
        ExtractionSettings settings = ExtractionSettings.DEFAULTS.withIsolation(ParseIsolation.DEFAULTS.withWorkers(workers));
        extractor = new IsolatedExtractor(ParseLimits.DEFAULTS, settings,
                new WorkerCommand(ScriptedWorkerMain.class.getName(), 64L << 20), REPLY_TIMEOUT);
        return extractor;
    }

    /** The pid of the worker that extracted the file. */
    private String extract(String name) throws Exception {
        return reply(name).split(" ")[0];
    }

    /** The worker's pid and its temporary folder. */
    private String reply(String name) throws Exception {
        Path file = Files.writeString(dir.resolve("file-" + name), "bytes");
        return extractor.extract(new DocumentRef("id-" + name, "t", "kb", "kb-id", "key", name, 5, 0), file).text();
    }

    private DocumentFailedException failure(String name) {
        return catchThrowableOfType(() -> extract(name), DocumentFailedException.class);
    }

    @Test
    void documentsAreExtractedInOneReusedWorkerProcessNotInThisJvm() throws Exception {
        pool(1);
        String first = extract("a.txt");
        String second = extract("b.txt");

        assertThat(first).isEqualTo(second).isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(extractor.workerPids()).containsExactly(Long.parseLong(first));
    }

    @Test
    void aWorkerThatDiesFailsItsDocumentAsWorkerCrashedAndTheNextDocumentGetsANewOne() throws Exception {
        pool(1);
        String[] first = reply("a.txt").split(" ");
        String before = first[0];
        Path tempDir = Path.of(first[1]);
        assertThat(tempDir).isDirectory().isNotEqualTo(Path.of(System.getProperty("java.io.tmpdir")));

        DocumentFailedException died = failure("exit");
        String after = extract("b.txt");
        assertThat(tempDir).as("the dead worker's scratch folder is removed").doesNotExist();

        assertThat(died.reason()).isEqualTo(FailureReason.WORKER_CRASHED);
        assertThat(died.stage()).isEqualTo(Stage.PARSE);
        assertThat(died.getMessage()).contains("exit code 7");
        assertThat(after).isNotEqualTo(before);
        assertThat(ProcessHandle.of(Long.parseLong(before))).isEmpty();
    }

    @Test
    void aWorkerSilentPastTheTimeoutIsKilledAndItsDocumentFailsAsTimeout() throws Exception {
        pool(1);
        String before = extract("a.txt");
        long started = System.nanoTime();

        DocumentFailedException timedOut = failure("hang");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(REPLY_TIMEOUT, REPLY_TIMEOUT.plusSeconds(10));
        assertThat(timedOut.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(ProcessHandle.of(Long.parseLong(before))).isEmpty();
        assertThat(extract("b.txt")).isNotEqualTo(before);
    }

    @Test
    void aWorkerOutOfHeapFailsItsDocumentAsOutOfMemory() throws Exception {
        pool(1);
        DocumentFailedException failed = failure("oom");

        assertThat(failed.reason()).isEqualTo(FailureReason.OUT_OF_MEMORY);
        assertThat(failed.getMessage()).contains("64 MB", "parse.worker-heap");
        assertThat(extract("b.txt")).isNotBlank();
    }

    @Test
    void aReplyThatIsNoFrameFailsAsWorkerCrashedAndTheWorkerIsReplaced() throws Exception {
        pool(1);
        String before = extract("a.txt");

        assertThat(failure("garbage").reason()).isEqualTo(FailureReason.WORKER_CRASHED);
        assertThat(extract("b.txt")).isNotEqualTo(before);
    }

    @Test
    void aDocumentFailureFromTheWorkerKeepsTheWorker() throws Exception {
        pool(1);
        String before = extract("a.txt");

        DocumentFailedException corrupt = failure("corrupt");

        assertThat(corrupt.reason()).isEqualTo(FailureReason.CORRUPT);
        assertThat(corrupt.getMessage()).isEqualTo("not a real file");
        assertThat(extract("b.txt")).isEqualTo(before);
    }

    @Test
    void aWorkerKilledWhileIdleIsReplacedWithoutFailingTheNextDocument() throws Exception {
        pool(1);
        long pid = Long.parseLong(extract("a.txt"));
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).isEmpty());

        assertThat(Long.parseLong(extract("b.txt"))).isNotEqualTo(pid);
    }

    @Test
    void manyHangsDeathsAndOutOfMemoriesLeaveNoMoreProcessesOrThreadsThanThePool() throws Exception {
        pool(2);
        extract("warm.txt");
        int threadsBefore = Thread.activeCount();
        for (int round = 0; round < 4; round++) {
            for (String bad : List.of("exit", "oom", "garbage")) {
                assertThat(failure(bad).reason()).isIn(FailureReason.WORKER_CRASHED, FailureReason.OUT_OF_MEMORY);
            }
        }
        assertThat(failure("hang").reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(extract("after.txt")).isNotBlank();

        assertThat(workerProcesses()).hasSizeLessThanOrEqualTo(2);
        assertThat(extractor.workerPids()).hasSizeLessThanOrEqualTo(2);
        assertThat(readerThreads()).hasSizeLessThanOrEqualTo(2);
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);
        extractor.close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(workerProcesses()).isEmpty());
    }

    private static List<ProcessHandle> workerProcesses() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains(ScriptedWorkerMain.class.getName()))
                .toList();
    }

    private static List<String> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("docflow-parse-worker-reader-")).toList();
    }
}
