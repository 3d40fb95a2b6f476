package dev.docflow.bench.harness;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The machine a figure came from and how busy it was: the one-minute load average next to the
 * cores says whether other work shared them (the figures of one run are compared as ratios for
 * that reason).
 */
public record MachineLoad(int cores, double loadAverage, long maxHeapMb, String java) {
    public static MachineLoad now() {
        return new MachineLoad(Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    public String line() {
        return String.format(Locale.ROOT, "%d cores, load average %.1f, heap limit %d MB, %s",
                cores, loadAverage, maxHeapMb, java);
    }
}
