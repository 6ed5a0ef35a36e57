package dev.strat.runtime.rl.algo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named scalar losses of one update ({@code critic}, {@code actor}, {@code entropy}, ...),
 * in a stable order.
 *
 * @param update the update's index (1 for the first)
 * @param values loss name to value
 */
public record Losses(long update, Map<String, Double> values) {

    public static final Losses NONE = new Losses(0, Map.of());

    public Losses {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The first loss that is NaN or infinite, or null. */
    public String firstNonFinite() {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!Double.isFinite(e.getValue())) return e.getKey();
        }
        return null;
    }
}
