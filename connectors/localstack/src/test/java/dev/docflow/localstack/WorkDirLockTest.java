package dev.docflow.localstack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirLockTest {

    @TempDir
    Path workDir;

    @Test
    void aSecondStackOnTheSameFolderIsRefusedUntilTheFirstLetsGo() {
        try (WorkDirLock first = WorkDirLock.acquire(workDir)) {
            assertThatThrownBy(() -> WorkDirLock.acquire(workDir))
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("already using the work folder " + workDir)
                    .hasMessageContaining("stack.lock");
        }
        WorkDirLock.acquire(workDir).close();
    }

    @Test
    void namesTheOwnerWhenItAdvertisedItself() {
        try (WorkDirLock first = WorkDirLock.acquire(workDir)) {
            RunningStack.advertise(workDir, new StackEndpoints(null, null, null, null, null, null, null, "127.0.0.1:1"));

            assertThatThrownBy(() -> WorkDirLock.acquire(workDir))
                    .hasMessageContaining("(process " + ProcessHandle.current().pid() + ")");
        }
    }
}
