package dev.strat.cli;

import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.List;

/** A small registry for tests: the real one is filled by the stdlib. */
public final class TestRegistry {

    private TestRegistry() {
    }

    public static Builtin olmar() {
        return new Builtin("olmar", StageKind.ALLOCATOR, List.of(
                ParamSpec.optional("window", new ParamType.Bars(), new Value.Num(5, false, true), 2, Double.NaN,
                        "length of the moving average the next price is predicted from"),
                ParamSpec.optional("eps", new ParamType.Number(), new Value.Num(10, false, true), 1, Double.NaN,
                        "reversion threshold: how far the predicted return must exceed 1 before the portfolio moves")),
                "On-line moving average reversion",
                "Predicts each asset's next price relative as its moving average over the last window bars "
                        + "divided by today's price, then moves the portfolio the least distance needed for the "
                        + "predicted return to reach eps. Good on mean-reverting markets; poor when trends persist.",
                "Li, B. and Hoi, S. C. H. (2012). On-line portfolio selection with moving average reversion. ICML.",
                "strategy fast = olmar(window=5) | constrain(max_weight=40%)",
                (args, context) -> null);
    }

    public static Registry registry() {
        return Registry.builder()
                .add(olmar())
                .add(new Builtin("ucrp", StageKind.ALLOCATOR, List.of(), "Uniform constant rebalanced portfolio",
                        "Rebalances to equal weights every bar.", "", "compare ucrp", (a, c) -> null))
                .add(new Builtin("constrain", StageKind.TRANSFORM, List.of(
                        ParamSpec.optional("max_weight", new ParamType.Number(), new Value.Num(1, false, true), 0, 1,
                                "largest weight of one asset"),
                        ParamSpec.optional("long_only", new ParamType.Bool(), new Value.Bool(true), Double.NaN, Double.NaN,
                                "forbid negative weights")),
                        "Clips weights to limits", "Caps each weight and gives the excess to cash.", "",
                        "strategy s = ucrp | constrain(max_weight=40%)", (a, c) -> null))
                .add(new Builtin("barrier", StageKind.RISK, List.of(
                        ParamSpec.required("window", new ParamType.Bars(), 2, Double.NaN, "risk estimation window"),
                        ParamSpec.optional("risk", new ParamType.Choice(List.of("cvar", "cdar", "variance")),
                                new Value.Word("cvar"), Double.NaN, Double.NaN, "the risk measure")),
                        "Barrier-function risk controller", "Keeps the portfolio inside a risk budget.", "",
                        "strategy r = ucrp | risk barrier(window=21d)", (a, c) -> null))
                .build();
    }
}
