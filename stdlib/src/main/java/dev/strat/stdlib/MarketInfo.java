package dev.strat.stdlib;

import dev.strat.runtime.data.Frequency;

import java.util.List;
import java.util.Map;

/**
 * What a factory may know about the market when it builds a stage: the universe and calendar,
 * never prices (stages see prices only through the history of a decision).
 *
 * @param symbols   asset symbols in weight order
 * @param classes   declared asset classes, possibly empty
 * @param frequency bar length and annualisation convention
 */
public record MarketInfo(List<String> symbols, Map<String, List<String>> classes, Frequency frequency) {
    public int assets() {
        return symbols.size();
    }
}
