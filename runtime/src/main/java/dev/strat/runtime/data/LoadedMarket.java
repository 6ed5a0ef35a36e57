package dev.strat.runtime.data;

import java.util.List;
import java.util.Objects;

/**
 * A market together with what was done to it on the way in (late starters trimmed, bars
 * forward-filled, bars dropped by a calendar join). Warnings are full sentences for the user.
 *
 * @param data     the aligned market
 * @param warnings notes about trimming and filling, in the order they arose
 */
public record LoadedMarket(MarketData data, List<String> warnings) {
    public LoadedMarket {
        Objects.requireNonNull(data);
        warnings = List.copyOf(warnings);
    }
}
