package dev.strat.runtime.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Attaches asset classes (class name to member symbols) to a market, checking every member exists. */
public final class MarketClasses {

    private MarketClasses() {}

    /**
     * A copy of {@code market} carrying the given classes (replacing any it had). A symbol may
     * belong to several classes; unknown symbols, empty classes and a symbol listed twice in one
     * class are errors.
     */
    public static MarketData attach(MarketData market, Map<String, List<String>> classes) {
        Set<String> known = new HashSet<>(market.symbols());
        List<String> unknown = new ArrayList<>();
        Map<String, List<String>> checked = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : classes.entrySet()) {
            if (e.getValue().isEmpty()) throw new DataException("asset class " + e.getKey() + " has no symbols");
            Set<String> members = new HashSet<>();
            for (String s : e.getValue()) {
                if (!known.contains(s)) {
                    String hint = Names.suggest(s, known).map(x -> " (did you mean " + x + "?)").orElse("");
                    unknown.add(s + " in class " + e.getKey() + hint);
                } else if (!members.add(s)) {
                    throw new DataException("asset class " + e.getKey() + " lists " + s + " twice");
                }
            }
            checked.put(e.getKey(), List.copyOf(e.getValue()));
        }
        if (!unknown.isEmpty()) {
            throw new DataException("unknown symbol" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + "; market " + market.name() + " has " + Names.list(known));
        }
        MarketArrays x = MarketArrays.of(market);
        return new MarketData(market.name(), market.symbols(), checked, x.times(), x.open(), x.high(), x.low(), x.close(),
                x.volume(), market.frequency());
    }
}
