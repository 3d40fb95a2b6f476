package dev.docflow.bench;

import dev.docflow.cli.DocflowConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.docflow.localstack.testutils.SharedStack;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./docflow bench faults} as CI runs it: one outage after the other under continuous
 * uploads and chats, on a stack of its own (stopping the shared one would break the other tests).
 */
class FaultToleranceIT {
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyOutageAnswers503AndNothingIsLostOrDuplicated() throws Exception {
        DocflowConfig config = DocflowConfig.load(HOME, Map.of())
                .withWorkDir(SharedStack.workDir().resolveSibling("bench-faults"));

        FaultDrill.Result result = new FaultDrill(config, System.out).run();
        BenchFaultsCommand.print(result, System.out);

        RequestTally tally = result.tally();
        assertThat(tally.otherErrors()).as("answers other than 2xx and 503: %s", tally.errorsByCode()).isZero();
        assertThat(tally.unavailableWithoutRetryAfter()).as("503s without Retry-After").isZero();
        assertThat(result.phases()).extracting(FaultDrill.Phase::fault).containsExactly(Fault.values());
        for (FaultDrill.Phase phase : result.phases()) {
            String code = phase.fault().unavailableCode();
            if (code == null) {
                assertThat(phase.errors()).as("errors during the %s outage", phase.fault().label()).isEmpty();
            } else {
                assertThat(phase.errors()).as("errors during the %s outage", phase.fault().label())
                        .containsOnlyKeys("503 " + code);
            }
        }
        assertThat(result.audit().documents()).isPositive();
        assertThat(result.audit().chunks()).isGreaterThanOrEqualTo(result.audit().documents());
        assertThat(result.audit().lost()).isEmpty();
        assertThat(result.audit().duplicated()).isEmpty();
        assertThat(result.passed()).isTrue();
    }
}
