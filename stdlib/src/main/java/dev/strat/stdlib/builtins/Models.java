package dev.strat.stdlib.builtins;

import dev.strat.runtime.allocators.MeanVariance;
import dev.strat.runtime.risk.CovarianceEstimator;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;

import java.util.List;

/** Portfolio models estimated from trailing data. */
public final class Models {

    private Models() {
    }

    public static void register(Registry.Builder b) {
        b.add(new Builtin("mvo", StageKind.MODEL,
                List.of(Specs.bars("window", 60, 2, "trailing returns used to estimate mean and covariance"),
                        Specs.number("risk_aversion", 1, 0, 1e6, "lambda in mu·w - (lambda/2) w'Σw"),
                        Specs.percent("max_weight", 1.0, 0, 1, "largest weight of any single asset"),
                        Specs.choice("estimator", CovarianceEstimator.keys(), "sample",
                                "covariance: sample (divisor window-1) or ledoit_wolf (shrunk towards a scaled identity, as scikit-learn)")),
                "Markowitz mean-variance optimisation with cash, long-only.",
                "At every decision estimates mu as the sample mean of the last window simple returns and Σ as their "
                        + "sample covariance or, with estimator=ledoit_wolf, their Ledoit-Wolf shrunk covariance, and solves "
                        + "max mu·w - (lambda/2) w'Σw subject to sum w = 1, 0 <= w_i <= max_weight, "
                        + "with cash a zero-return, zero-variance asset. A small ridge keeps Σ invertible. The quadratic "
                        + "programme is solved with ojAlgo. Mean estimates are noisy: pair with constrain or a large "
                        + "risk_aversion.",
                "H. Markowitz, \"Portfolio Selection\", Journal of Finance 7(1), 1952; O. Ledoit, M. Wolf, \"A well-conditioned "
                        + "estimator for large-dimensional covariance matrices\", J. Multivariate Analysis 88, 2004",
                "strategy markowitz = mvo(window=60, risk_aversion=5, max_weight=30%)",
                (args, context) -> new MeanVariance(Specs.label("mvo", args), args.bars("window", context.market().frequency(), 2),
                        args.number("risk_aversion"), args.number("max_weight"), CovarianceEstimator.parse(args.text("estimator")))));
        HierarchicalModels.register(b);
    }
}
