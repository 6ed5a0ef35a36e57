package dev.strat.lang.plan;

import dev.strat.runtime.data.TimeLength;

import java.util.Optional;
import java.util.OptionalDouble;

/** One data source of a market. */
public sealed interface MarketSourcePlan {

    /**
     * {@code csv("file.csv.gz", freq=1h, periods=8760)}.
     *
     * @param path    the file name as written; the runner resolves it against the data root
     * @param freq    the bar length when given ({@code 1d} or {@code 1h}); otherwise inferred from the data
     * @param periods periods per year overriding the calendar convention
     */
    record CsvSource(String path, Optional<TimeLength> freq, OptionalDouble periods) implements MarketSourcePlan { }

    /** {@code synthetic gbm(assets=5, days=1000, seed=7)}: simulated geometric Brownian motion prices. */
    record SyntheticSource(int assets, int days, long seed) implements MarketSourcePlan { }
}
