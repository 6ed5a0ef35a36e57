package dev.strat.stdlib.builtins;

import dev.strat.runtime.allocators.BollingerReversion;
import dev.strat.runtime.allocators.CrossSectionalMomentum;
import dev.strat.runtime.allocators.TimeSeriesMomentum;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;

import java.util.List;

/** Signal rules from the asset-pricing literature: time-series and cross-sectional momentum, Bollinger reversion. */
public final class Momentum {

    private Momentum() {
    }

    public static void register(Registry.Builder b) {
        b.add(new Builtin("tsm", StageKind.ALLOCATOR,
                List.of(Specs.bars("lookback", 252, 1, "trailing window of the momentum signal"),
                        Specs.bars("skip", 0, 0, "most recent bars left out of the signal (e.g. 21 to skip a month)")),
                "Time-series momentum, long-only: equal weight over assets with a positive trailing return.",
                "Each asset's signal is its own return from bar t - skip - lookback to bar t - skip. Assets with a "
                        + "positive signal share the book equally; when none is positive everything is in cash (the "
                        + "long-only reading of the paper's short leg is to stay out).",
                "T. J. Moskowitz, Y. H. Ooi and L. H. Pedersen, \"Time Series Momentum\", Journal of Financial Economics 104(2), 2012",
                "strategy trend = tsm(lookback=12mo, skip=1mo)",
                (args, context) -> new TimeSeriesMomentum(Specs.label("tsm", args), args.bars("lookback", context.market().frequency(), 1),
                        args.bars("skip", context.market().frequency(), 0))));

        b.add(new Builtin("csm", StageKind.ALLOCATOR,
                List.of(Specs.bars("lookback", 252, 1, "trailing window the assets are ranked on"),
                        Specs.count("top", 3, 1, "number of winners held")),
                "Cross-sectional momentum, long-only: equal weight over the top assets by trailing return.",
                "Ranks the assets by their return over the last lookback bars and holds the top winners in equal "
                        + "weight (ties go to the asset listed first). Relative, so winners are held even in a falling "
                        + "market; the paper's short loser leg is dropped.",
                "N. Jegadeesh and S. Titman, \"Returns to Buying Winners and Selling Losers: Implications for Stock "
                        + "Market Efficiency\", Journal of Finance 48(1), 1993",
                "strategy winners = csm(lookback=6mo, top=2)",
                (args, context) -> new CrossSectionalMomentum(Specs.label("csm", args), args.bars("lookback", context.market().frequency(), 1),
                        args.integer("top"))));

        b.add(new Builtin("mr", StageKind.ALLOCATOR,
                List.of(Specs.bars("window", 20, 2, "moving-average and standard-deviation window"),
                        Specs.number("k", 2, 0, 10, "band width in standard deviations")),
                "Bollinger-band mean reversion: buy assets that close below their lower band.",
                "An asset is oversold when its close is below MA_window - k sd_window (population standard deviation "
                        + "of the last window closes). Oversold assets share the book equally; when none is oversold the "
                        + "strategy holds cash, since the signal says nothing about assets inside their bands.",
                "J. Bollinger, \"Bollinger on Bollinger Bands\", McGraw-Hill, 2001",
                "strategy dip = mr(window=20, k=2)",
                (args, context) -> new BollingerReversion(Specs.label("mr", args), args.bars("window", context.market().frequency(), 2),
                        args.number("k"))));
    }
}
