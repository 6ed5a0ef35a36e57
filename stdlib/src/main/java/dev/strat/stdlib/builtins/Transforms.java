package dev.strat.stdlib.builtins;

import dev.strat.runtime.transform.Constrain;
import dev.strat.runtime.transform.Rebalance;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;

import java.util.List;

/** Stages that reshape the proposal before them: position limits and rebalancing schedules. */
public final class Transforms {

    private Transforms() {
    }

    public static void register(Registry.Builder b) {
        b.add(new Builtin("constrain", StageKind.TRANSFORM,
                List.of(Specs.percent("max_weight", 1.0, 0, 1, "largest weight of any asset"),
                        Specs.percent("min_weight", 0.0, 0, 1, "smallest weight of any asset"),
                        Specs.percent("min_cash", 0.0, 0, 1, "smallest cash weight")),
                "Position limits: the nearest portfolio that respects the bounds.",
                "Replaces the incoming proposal by its Euclidean projection onto {w : min_weight <= w_i <= max_weight "
                        + "for every asset, w_cash >= min_cash, sum w = 1}: the least-squares smallest change that respects "
                        + "the limits. Weight an asset may not hold moves to the other assets and to cash. The bounds must "
                        + "be satisfiable: N x min_weight + min_cash <= 100%.",
                "J. Duchi, S. Shalev-Shwartz, Y. Singer and T. Chandra, \"Efficient Projections onto the l1-Ball for "
                        + "Learning in High Dimensions\", ICML 2008 (projection onto a bounded simplex by its KKT multiplier)",
                "strategy capped = olmar | constrain(max_weight=40%, min_cash=5%)",
                (args, context) -> {
                    double max = args.number("max_weight"), min = args.number("min_weight"), cash = args.number("min_cash");
                    String problem = Constrain.check(context.market().assets(), max, min, cash);
                    if (problem != null) throw new BuildException("constrain: the bounds admit no portfolio: " + problem);
                    return new Constrain(Specs.label("constrain", args), max, min, cash);
                }));

        b.add(new Builtin("rebalance", StageKind.TRANSFORM,
                List.of(Specs.bars("every", 0, 0, "trade on every k-th decision, counting from the first (bars or a length such as 5d; 0 = no calendar)"),
                        Specs.percent("drift", 0.0, 0, 2, "also trade when the L1 distance between holdings and proposal exceeds this (0 = off)")),
                "Rebalancing schedule: trade every k decisions, or when holdings drift too far.",
                "Passes the incoming proposal through on the first decision, then, with every > 0, on the "
                        + "(1 + every)-th, (1 + 2 every)-th ... decision and, with drift > 0, whenever "
                        + "sum |current_i - proposal_i| over assets and cash exceeds drift; on every other decision it "
                        + "proposes the drifted current holdings, so nothing trades. Give every, drift or both. Cuts "
                        + "turnover and trading costs of fast allocators.",
                "",
                "strategy weekly = ucrp | rebalance(every=5d, drift=10%)",
                (args, context) -> {
                    int every = args.bars("every", context.market().frequency(), 0);
                    double drift = args.number("drift");
                    if (every == 0 && drift == 0) {
                        throw new BuildException("rebalance needs a calendar (every=5d) or a drift band (drift=5%), or both");
                    }
                    return new Rebalance(Specs.label("rebalance", args), every, drift);
                }));
    }
}
