package dev.strat.stdlib.builtins;

import dev.strat.runtime.allocators.Corn;
import dev.strat.runtime.allocators.ExponentiatedGradient;
import dev.strat.runtime.allocators.Olmar;
import dev.strat.runtime.allocators.Pamr;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;

import java.util.List;
import java.util.Locale;

/** Online portfolio selection algorithms: follow-the-winner (EG), mean reversion (OLMAR, PAMR), pattern matching (CORN). */
public final class OnlineLearning {

    private OnlineLearning() {
    }

    public static void register(Registry.Builder b) {
        b.add(new Builtin("eg", StageKind.ALLOCATOR,
                List.of(Specs.number("eta", 0.05, 0, 100, "learning rate of the multiplicative update")),
                "Exponentiated gradient: multiplicative updates toward recent winners.",
                "Starts uniform and after each period sets w_{t+1,i} ∝ w_{t,i} exp(eta x_{t,i} / (w_t · x_t)), "
                        + "where x_t are the period's price relatives and w_t the previous target portfolio. Small "
                        + "eta keeps it close to UCRP; larger eta follows the winners more aggressively. Fully invested.",
                "D. P. Helmbold, R. E. Schapire, Y. Singer and M. K. Warmuth, \"On-Line Portfolio Selection Using "
                        + "Multiplicative Updates\", Mathematical Finance 8(4), 1998",
                "strategy follow = eg(eta=0.05)",
                (args, context) -> new ExponentiatedGradient(Specs.label("eg", args), args.number("eta"))));

        b.add(new Builtin("olmar", StageKind.ALLOCATOR,
                List.of(Specs.bars("window", 5, 1, "moving-average window of the price prediction"),
                        Specs.number("eps", 10, 0, 1000, "reversion threshold on the predicted portfolio return")),
                "On-line moving average reversion (OLMAR-1).",
                "Predicts next relatives as x̃_i = MA_window(p_i) / p_i, then moves the previous portfolio b the "
                        + "least distance that makes b · x̃ >= eps: lambda = max(0, (eps - b · x̃) / ||x̃ - mean(x̃)||²), "
                        + "b <- projection onto the simplex of b + lambda (x̃ - mean(x̃)). Bets that prices revert to "
                        + "their moving average. Fully invested.",
                "B. Li and S. C. H. Hoi, \"On-Line Portfolio Selection with Moving Average Reversion\", ICML 2012",
                "strategy fast = olmar(window=5, eps=10) | constrain(max_weight=40%)",
                (args, context) -> new Olmar(Specs.label("olmar", args), args.bars("window", context.market().frequency(), 1), args.number("eps"))));

        b.add(new Builtin("pamr", StageKind.ALLOCATOR,
                List.of(Specs.number("eps", 0.5, 0, 10, "sensitivity: no update while the portfolio's relative stays <= eps"),
                        Specs.number("c", 500, 0, 1e6, "aggressiveness C of PAMR-1 and PAMR-2 (0 never moves)"),
                        Specs.choice("variant", List.of("pamr", "pamr1", "pamr2"), "pamr", "update rule: pamr, pamr1 (capped step) or pamr2 (soft step)")),
                "Passive aggressive mean reversion.",
                "With x_t the last period's relatives and x̄ their mean, suffers loss = max(0, b · x_t - eps) and "
                        + "steps b <- projection onto the simplex of b - tau (x_t - x̄ 1), with tau = loss / ||x_t - x̄||² "
                        + "(pamr), min(C, loss / ||x_t - x̄||²) (pamr1) or loss / (||x_t - x̄||² + 1/(2C)) (pamr2). Moves "
                        + "weight away from assets that just rose. Fully invested.",
                "B. Li, P. Zhao, S. C. H. Hoi and V. Gopalkrishnan, \"PAMR: Passive Aggressive Mean Reversion "
                        + "Strategy for Portfolio Selection\", Machine Learning 87(2), 2012",
                "strategy pa = pamr(eps=0.5, variant=pamr2, c=500)",
                (args, context) -> new Pamr(Specs.label("pamr", args), args.number("eps"), args.number("c"),
                        Pamr.Variant.valueOf(args.text("variant").toUpperCase(Locale.ROOT)))));

        b.add(new Builtin("corn", StageKind.ALLOCATOR,
                List.of(Specs.bars("window", 5, 1, "length of the market windows compared"),
                        Specs.number("rho", 0.1, -1, 1, "correlation a past window needs to count as similar"),
                        Specs.bars("scan", 1000, 1, "most recent past windows compared with the latest one")),
                "Correlation-driven nonparametric learning (CORN-U, one expert).",
                "Finds past windows of price relatives whose Pearson correlation with the latest window is at "
                        + "least rho, then holds the log-optimal portfolio (max sum log(b · x)) over the relatives that "
                        + "followed them, solved by a projected Newton method warm-started from the previous decision; uniform when nothing matches. The "
                        + "scan cap bounds the cost per decision (the paper scans all history). Fully invested.",
                "B. Li, S. C. H. Hoi and V. Gopalkrishnan, \"CORN: Correlation-driven Nonparametric Learning "
                        + "Approach for Portfolio Selection\", ACM Transactions on Intelligent Systems and Technology 2(3), 2011",
                "strategy pattern = corn(window=5, rho=0.1)",
                (args, context) -> new Corn(Specs.label("corn", args), args.bars("window", context.market().frequency(), 1), args.number("rho"),
                        args.bars("scan", context.market().frequency(), 1))));
    }
}
