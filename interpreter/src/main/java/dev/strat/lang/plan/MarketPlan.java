package dev.strat.lang.plan;

import dev.strat.lang.diag.Span;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked market: where its prices come from and which universe it trades.
 *
 * @param sources  the data sources joined with {@code +} (at least one file or synthetic source)
 * @param cash     true when {@code + cash} was written (cash is always the last weight anyway)
 * @param symbols  the symbols listed with {@code symbols}, empty when the whole file is used
 * @param classes  declared asset classes and their members, in source order
 */
public record MarketPlan(String name, List<MarketSourcePlan> sources, boolean cash, List<String> symbols,
                         Map<String, List<String>> classes, Span span) {

    public MarketPlan {
        sources = List.copyOf(sources);
        symbols = List.copyOf(symbols);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        classes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        classes = Collections.unmodifiableMap(copy);
    }
}
