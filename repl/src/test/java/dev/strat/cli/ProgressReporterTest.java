package dev.strat.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressReporterTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private ProgressReporter reporter(ProgressReporter.Mode mode) {
        return new ProgressReporter(mode, err, clock::get, () -> 80, false);
    }

    @Test
    void shortWorkPrintsNothing() {
        try (ProgressReporter p = reporter(ProgressReporter.Mode.LINES)) {
            p.start("backtest", 10);
            for (int k = 1; k <= 10; k++) {
                clock.addAndGet(SECOND / 20);
                p.progress(k, null);
            }
            p.finish();
        }
        assertEquals("", text());
    }

    @Test
    void longWorkPrintsOccasionalLinesWithEta() {
        try (ProgressReporter p = reporter(ProgressReporter.Mode.LINES)) {
            p.start("backtest", 10);
            clock.addAndGet(2 * SECOND);
            p.progress(2, "seed 1");       // 2 s for 2 units: 8 left take 8 s
            clock.addAndGet(SECOND);
            p.progress(3, null);           // too soon after the last line
            clock.addAndGet(10 * SECOND);
            p.progress(9, null);
            p.finish();
        }
        assertEquals("""
                backtest: 20% (2/10), eta 8s - seed 1
                backtest: 90% (9/10), eta 1s
                backtest: done in 13s
                """, text());
    }

    @Test
    void unknownTotalShowsCount() {
        try (ProgressReporter p = reporter(ProgressReporter.Mode.LINES)) {
            p.start("training", 0);
            clock.addAndGet(65 * SECOND);
            p.progress(1200, null);
        }
        assertEquals("training: 1200 done, 1m 05s elapsed\ntraining: done in 1m 05s\n", text());
    }

    @Test
    void barStaysHiddenForShortWork() {
        try (ProgressReporter p = reporter(ProgressReporter.Mode.BAR)) {
            p.start("backtest", 10);
            clock.addAndGet(SECOND / 2);
            p.progress(10, null);
            p.finish();
        }
        assertEquals("", text());
    }

    @Test
    void barAppearsAfterTheDelay() {
        try (ProgressReporter p = reporter(ProgressReporter.Mode.BAR)) {
            p.start("backtest", 10);
            clock.addAndGet(2 * SECOND);
            p.progress(5, null);
            p.finish();
        }
        assertTrue(text().contains("backtest"), text());
        assertTrue(text().contains("10/10"), text());
    }

    /**
     * Ctrl-C interrupts the REPL's thread while a bar is drawn; closing the reporter must finish the
     * bar's last redraw before it returns (else that redraw lands over the next prompt), erase the
     * bar, and leave the interrupt set for the engine's caller.
     */
    @Test
    void interruptedCloseDrawsNothingAfterItReturns() throws InterruptedException {
        ProgressReporter p = reporter(ProgressReporter.Mode.BAR);
        p.start("backtest", 10);
        clock.addAndGet(2 * SECOND);
        p.progress(5, null);
        Thread.currentThread().interrupt();
        int closedAt;
        boolean stillInterrupted;
        try {
            p.close();
            closedAt = bytes.size();
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        Thread.sleep(600); // longer than the bar's refresh interval: a late redraw would show here
        assertEquals(closedAt, bytes.size(), "the bar drew after close returned: " + text());
        assertTrue(stillInterrupted, "the interrupt must survive closing the bar");
        assertTrue(text().endsWith("\033[1A\r\033[2K"), "the bar's line is erased: " + text());
        assertTrue(text().contains("5/10"), text());
    }

    @Test
    void warningsArePrefixedInEveryMode() {
        for (ProgressReporter.Mode mode : new ProgressReporter.Mode[] {ProgressReporter.Mode.OFF, ProgressReporter.Mode.LINES, ProgressReporter.Mode.BAR}) {
            bytes.reset();
            try (ProgressReporter p = reporter(mode)) {
                p.warn("2 symbols have no data before 2016");
            }
            assertEquals("warning: 2 symbols have no data before 2016\n", text(), mode.name());
        }
    }

    @Test
    void autoModeProbesTheTerminalOnlyForLongWork() {
        int[] probes = {0};
        java.util.function.BooleanSupplier probe = () -> { probes[0]++; return false; };
        try (ProgressReporter p = new ProgressReporter(ProgressReporter.Mode.AUTO, probe, err, clock::get, () -> 80, false)) {
            p.start("check", 2);
            p.progress(2, null);
            p.finish();
            assertEquals(0, probes[0], "short work must not probe");
            p.start("backtest", 4);
            clock.addAndGet(2 * SECOND);
            p.progress(1, null);
            p.finish();
        }
        assertEquals(1, probes[0]);
        assertEquals("backtest: 25% (1/4), eta 6s\nbacktest: done in 2s\n", text());
    }

    @Test
    void offModeIsSilent() {
        try (ProgressReporter p = reporter(ProgressReporter.Mode.OFF)) {
            p.start("backtest", 10);
            clock.addAndGet(30 * SECOND);
            p.progress(5, null);
            p.finish();
        }
        assertEquals("", text());
    }

    @Test
    void durations() {
        assertEquals("850ms", ProgressReporter.duration(850_000_000L));
        assertEquals("59s", ProgressReporter.duration(59 * SECOND));
        assertEquals("3m 05s", ProgressReporter.duration(185 * SECOND));
        assertEquals("1h 02m", ProgressReporter.duration(3720 * SECOND));
    }
}
