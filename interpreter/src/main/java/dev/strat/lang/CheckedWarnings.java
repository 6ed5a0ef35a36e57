package dev.strat.lang;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.runtime.pipeline.ProgressListener;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Passes progress on, less the run's warnings that the check already gave (located) in the same
 * words: {@code strat check} says before the run what the run would warn about before it runs
 * (no costs, a split cut to the data, a learner's few updates), so the terminal shows each once.
 * The run still writes them into the report.
 */
final class CheckedWarnings implements ProgressListener {

    private final Set<String> given;
    private final ProgressListener next;

    CheckedWarnings(List<Diagnostic> checked, ProgressListener next) {
        this.given = checked.stream().filter(d -> !d.isError()).map(Diagnostic::message).collect(Collectors.toUnmodifiableSet());
        this.next = next;
    }

    @Override
    public void start(String name, long total) {
        next.start(name, total);
    }

    @Override
    public void progress(long done, String message) {
        next.progress(done, message);
    }

    @Override
    public void finish() {
        next.finish();
    }

    @Override
    public void warn(String message) {
        if (!given.contains(message)) next.warn(message);
    }
}
