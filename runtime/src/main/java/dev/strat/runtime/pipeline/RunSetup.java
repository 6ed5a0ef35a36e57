package dev.strat.runtime.pipeline;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.Frequency;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What a stage learns about a run before it starts.
 *
 * @param symbols   the universe, in weight order (cash is index {@code symbols.size()})
 * @param frequency bar length and annualisation convention
 * @param seed      the run's seed; a stage derives its own random stream with {@link #random(String)}
 * @param firstBar  the first decision bar of the run (bars before it are warm-up history)
 * @param lastBar   the last bar of the run (inclusive)
 * @param reports   where the stage reports series and counters besides its weights
 * @param config    the account's capital and costs, so that a composite can keep shadow accounts
 *                  charged like the real one ({@link dev.strat.runtime.backtest.MarketStep})
 */
public record RunSetup(List<String> symbols, Frequency frequency, long seed, int firstBar, int lastBar, ReportSink reports,
                       BacktestConfig config) {

    public RunSetup {
        symbols = List.copyOf(symbols);
        java.util.Objects.requireNonNull(reports, "reports");
        java.util.Objects.requireNonNull(config, "config");
    }

    /** A frictionless run whose stage reports go nowhere. */
    public RunSetup(List<String> symbols, Frequency frequency, long seed, int firstBar, int lastBar) {
        this(symbols, frequency, seed, firstBar, lastBar, ReportSink.NONE, BacktestConfig.FRICTIONLESS);
    }

    /**
     * The same run as a member of a composite sees it: its reports scoped under {@code name}, its
     * universe {@code memberSymbols} (a selector's picks), the same seed, bars and costs.
     */
    public RunSetup forMember(String name, List<String> memberSymbols) {
        return new RunSetup(memberSymbols, frequency, seed, firstBar, lastBar, reports.scoped(name), config);
    }

    public int assets() {
        return symbols.size();
    }

    /**
     * A random stream for one consumer, derived from the run's seed and the consumer's name so
     * that adding a stage never changes the numbers another stage draws.
     */
    public SplittableRandom random(String consumer) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int k = 0; k < consumer.length(); k++) h = (h ^ consumer.charAt(k)) * 0x100000001B3L;
        return new SplittableRandom(h);
    }
}
