package dev.strat.stdlib.builtins;

import dev.strat.runtime.allocators.BuyAndHold;
import dev.strat.runtime.allocators.ConstantRebalanced;
import dev.strat.runtime.allocators.HoldCash;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.MarketInfo;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;

import java.util.List;

/** The benchmark allocators every comparison needs: cash, buy and hold, constant rebalancing. */
public final class Baselines {

    /** Tolerance on the sum of user-given CRP weights (they are usually written as rounded percentages). */
    static final double SUM_TOLERANCE = 1e-6;

    private Baselines() {
    }

    public static void register(Registry.Builder b) {
        b.add(new Builtin("hold", StageKind.ALLOCATOR, List.of(),
                "All cash, never invests.",
                "Proposes 100% cash at every decision. The zero-risk, zero-return reference, and the safe "
                        + "option a switcher can fall back to. Not the HRP/HERC switching paper's \"hold\" action, which "
                        + "trades nothing and keeps the drifted weights: that is no_trade.",
                "",
                "strategy safe = hold",
                (args, context) -> new HoldCash("hold")));

        b.add(new Builtin("bah", StageKind.ALLOCATOR, List.of(),
                "Equal-weight buy and hold: buy 1/N once, then never trade.",
                "Buys 1/N of every asset at the first decision and afterwards proposes the drifted holdings, "
                        + "so it never trades again. Its wealth is the average of the assets' price paths: the "
                        + "'market' benchmark of the online portfolio selection literature.",
                "B. Li and S. C. H. Hoi, \"Online Portfolio Selection: A Survey\", ACM Computing Surveys 46(3), 2014",
                "compare olmar, bah",
                (args, context) -> new BuyAndHold("bah")));

        b.add(new Builtin("ucrp", StageKind.ALLOCATOR, List.of(),
                "Uniform constant rebalanced portfolio: 1/N in every asset, rebalanced every step.",
                "Trades back to 1/N in every asset at every decision, selling recent winners and buying recent "
                        + "losers. The standard baseline of online portfolio selection; with volatile, mean-reverting "
                        + "assets it beats buy and hold by harvesting volatility.",
                "T. M. Cover, \"Universal Portfolios\", Mathematical Finance 1(1), 1991",
                "strategy base = ucrp | rebalance(every=5d)",
                (args, context) -> ConstantRebalanced.uniform("ucrp")));

        b.add(new Builtin("crp", StageKind.ALLOCATOR,
                List.of(ParamSpec.required("weights", Specs.NUMBERS, 0, 1,
                        "target weights: one per asset in market order, or one more for cash; must sum to 1")),
                "Constant rebalanced portfolio with given target weights.",
                "Trades back to the given weights at every decision. Give N weights (fully invested) or N + 1 "
                        + "with cash last; they must sum to 100%.",
                "T. M. Cover, \"Universal Portfolios\", Mathematical Finance 1(1), 1991",
                "strategy sixty_forty = crp(weights=[60%, 40%])",
                (args, context) -> new ConstantRebalanced(Specs.label("crp", args), crpWeights(args.numbers("weights"), context.market()))));
    }

    /** Checks user weights against the universe and extends them with cash when needed. */
    static double[] crpWeights(double[] given, MarketInfo market) {
        int n = market.assets();
        if (given.length != n && given.length != n + 1) {
            throw new BuildException("crp: expected " + n + " weights (one per asset: " + String.join(", ", market.symbols())
                    + "), or " + (n + 1) + " with cash last; got " + given.length);
        }
        double sum = 0;
        for (double w : given) {
            if (!(w >= 0)) throw new BuildException("crp: weights must be non-negative, got " + w);
            sum += w;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new BuildException("crp: weights must sum to 100%, they sum to " + format(sum * 100) + "%");
        }
        double[] w = new double[n + 1];
        for (int i = 0; i < given.length; i++) w[i] = given[i] / sum;
        return w;
    }

    private static String format(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
