package dev.strat.runtime.pipeline;

import java.util.List;

/**
 * Where a stage reports what it did besides its weights: per-step series (the member a switcher
 * chose, a controller's correction) and counters (solved / unsolved). The run owns the sink and
 * hands it to stages through {@link RunSetup#reports()}; results and reports read what was
 * written without knowing which stage wrote it.
 *
 * <p>Names are the stage's own ({@code "choice"}); a composite hands each member a
 * {@linkplain #scoped scoped} sink, so names in a result read as paths ({@code "switch/choice"}).
 */
public interface ReportSink {

    /** A sink that drops everything: training runs and stages used outside a backtest. */
    ReportSink NONE = new ReportSink() {
        @Override
        public void series(String name, int step, double value) {
        }

        @Override
        public void count(String name, long delta) {
        }

        @Override
        public void categories(String series, List<String> labels) {
        }
    };

    /** Records {@code value} for period {@code step} of the series {@code name}. */
    void series(String name, int step, double value);

    /** Adds {@code delta} to the counter {@code name}. */
    void count(String name, long delta);

    /**
     * Declares that the series {@code name} holds category indices (0, 1, ...) whose names are
     * {@code labels}: the member a switcher chose, the regime a model detected.
     */
    void categories(String series, List<String> labels);

    /**
     * A view of this sink that prefixes every name with {@code prefix + "/"}. The view remembers
     * each full name it built, so a member that reports every step allocates nothing after its
     * first: stages write a handful of names, so the cache stays small. Like the sinks it wraps,
     * the view is used by one run's thread.
     */
    default ReportSink scoped(String prefix) {
        if (this == NONE) return NONE;
        return new ScopedReportSink(this, prefix + "/");
    }
}
