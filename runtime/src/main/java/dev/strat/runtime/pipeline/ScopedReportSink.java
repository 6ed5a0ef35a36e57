package dev.strat.runtime.pipeline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The view {@link ReportSink#scoped} returns: every name prefixed before it reaches the parent.
 * A member of a composite reports every step under the same few names, so each full name is
 * built once and looked up afterwards; the hot path then allocates nothing. Not thread-safe, like
 * the run's own sink it wraps.
 */
final class ScopedReportSink implements ReportSink {

    private final ReportSink parent;
    private final String prefix;
    /** Full name by the stage's own name. */
    private final Map<String, String> full = new HashMap<>();

    /** @param prefix the prefix with its separator, e.g. {@code "switch/"} */
    ScopedReportSink(ReportSink parent, String prefix) {
        this.parent = parent;
        this.prefix = prefix;
    }

    private String full(String name) {
        String f = full.get(name);
        if (f == null) {
            f = prefix + name;
            full.put(name, f);
        }
        return f;
    }

    @Override
    public void series(String name, int step, double value) {
        parent.series(full(name), step, value);
    }

    @Override
    public void count(String name, long delta) {
        parent.count(full(name), delta);
    }

    @Override
    public void categories(String series, List<String> labels) {
        parent.categories(full(series), labels);
    }
}
