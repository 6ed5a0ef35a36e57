package dev.strat.stdlib.builtins;

import dev.strat.runtime.risk.barrier.AdapterStage;
import dev.strat.runtime.risk.barrier.AdaptiveRisk;
import dev.strat.runtime.risk.barrier.BarrierController;
import dev.strat.runtime.risk.barrier.BarrierStage;
import dev.strat.runtime.risk.barrier.DynamicContribution;
import dev.strat.runtime.risk.barrier.PriceForecast;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Component;
import dev.strat.stdlib.ComponentBinder;
import dev.strat.stdlib.ComponentKind;
import dev.strat.stdlib.ComponentType;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.List;
import java.util.Locale;

/**
 * RiPO's risk stage and its adapters: {@code risk barrier(...)}, {@code adapt ars(...)} and
 * {@code adapt dcm(...)}. The adapters build an {@link AdapterStage}; the pipeline builder attaches
 * its adapter to the barrier stage before it.
 */
public final class RiskStages {

    /** RiPO's risk-free rate for the S&P 500 setting, 1.6575% a year. */
    static final double RIPO_RISK_FREE = 0.016575;

    private static final String PAPER = "RiPO: \"Combining Reinforcement Learning and Barrier Functions for Adaptive Risk "
            + "Management in Portfolio Optimization\", preprint 2023 (../shared/papers/ripo-rl-barrier-functions.txt), with "
            + "the equations as the authors' code (SteamerLee/RiPO) implements them (design/reference-formulas.md)";

    private RiskStages() {
    }

    /** RiPO's forecast: dp_i = (MA_i - P_t,i) / P_t,i over the last window closes. */
    static final Component MOVING_AVERAGE = new Component("moving_average", List.of(
            Specs.bars("window", 5, 1, "closes in the mean, the decision bar's included")),
            "Forecasts each price's change as its distance to the mean of the last window closes (RiPO).",
            "dp_i = (MA_i - P_t,i) / P_t,i, MA_i the mean of asset i's last window closes: a mean-reversion "
                    + "forecast, as the RiPO authors compute it. Reads closes up to the decision bar only.",
            PAPER, "risk barrier(predictor=moving_average(window=5))",
            ComponentType.PREDICTOR.factory((a, c) -> new PriceForecast.MovingAverage(a.bars("window", c.market().frequency(), 1))));
    /** The same with exponentially decaying weights. */
    static final Component EWMA = new Component("ewma", List.of(
            Specs.number("halflife", 5, 0.01, 1e6, "bars after which a close's weight halves"),
            Specs.bars("window", 21, 1, "closes read, the decision bar's included")),
            "Forecasts each price's change as its distance to an exponentially weighted mean of recent closes.",
            "dp_i = (EWMA_i - P_t,i) / P_t,i, the close k bars back weighing 0.5^(k / halflife) over the last "
                    + "window closes (weights normalised): recent closes count more than in moving_average, so "
                    + "the forecast turns faster after a move. Reads closes up to the decision bar only.",
            "", "risk barrier(predictor=ewma(halflife=3, window=21))",
            ComponentType.PREDICTOR.factory((a, c) -> {
                double halflife = a.number("halflife");
                return new PriceForecast.ExponentialAverage(halflife, a.bars("window", c.market().frequency(), 1));
            }));

    public static void register(Registry.Builder b) {
        ComponentBinder binder = b.binder();
        b.add(MOVING_AVERAGE);
        b.add(EWMA);
        b.add(new Builtin("barrier", StageKind.RISK,
                List.of(Specs.bars("window", 21, 2, "daily returns in the covariance window"),
                        Specs.number("gamma", 0.3, 0, 1, "the barrier's decay rate: h_{t+1} >= (1 - gamma) h_t (in (0, 1])"),
                        Specs.number("market_risk", 0.001, 0, 1, "sigma_beta, the constant market risk"),
                        ParamSpec.optional("predictor", new ParamType.ComponentOf(ComponentKind.PREDICTOR),
                                Components.call(MOVING_AVERAGE), Double.NaN, Double.NaN,
                                "the price-change forecast dp (RiPO's: moving_average(5))"),
                        Specs.choice("relax", List.of("ripo", "none"), "ripo",
                                "on infeasibility: ripo raises the bound by 0.002 five times then 0.005 five times; none gives up")),
                "RiPO's barrier-function risk controller: one SOCP per step keeps predicted risk in a budget.",
                "Replaces the proposal by a = a_rl + lambda a_c. a_rl is the proposal's asset weights normalised to sum 1: "
                        + "RiPO holds no cash, so a cash weight is dropped and an all-cash proposal becomes equal weights. "
                        + "a_c solves: maximise the forecast dp' a_c (dp from the predictor: RiPO's 5-close moving average) subject to "
                        + "sum a_c = 0, 0 <= a_rl + a_c <= 1 and ||S (a_rl + a_c)|| <= sigma_s_{t+1} - sigma_beta + "
                        + "(gamma - 1)(sigma_s_t - sigma_alpha_t - sigma_beta), S the root of the covariance of the last window "
                        + "returns with the forecast appended and sigma_alpha_t the risk of the last executed weights. "
                        + "sigma_s_{t+1} comes from an attached 'adapt ars'; without one it is sigma_alpha_t + sigma_beta "
                        + "(predicted risk may not rise). lambda comes from an attached 'adapt dcm', else 1. Infeasible steps are "
                        + "relaxed, then left uncorrected; solved, unsolved and relaxed counts and the per-step bound, "
                        + "sigma_alpha, |a_c| (and lambda) go to the stage report. Training an agent in front of it, the "
                        + "environment executes the corrected weights while the replay buffer keeps the agent's own action.",
                PAPER,
                "strategy ripo = agent td3(actions=normalise) | risk barrier(window=21, gamma=0.3, market_risk=0.001)",
                (args, context) -> {
                    int window = args.bars("window", context.market().frequency(), 2);
                    PriceForecast predictor = binder.build(ComponentType.PREDICTOR, args.get("predictor"), context);
                    double gamma = args.number("gamma");
                    if (!(gamma > 0)) throw new BuildException("barrier: gamma must be above 0 (the barrier must decay), got " + gamma);
                    double[] relax = args.text("relax").equals("ripo") ? BarrierController.RIPO_RELAXATION : new double[0];
                    return new BarrierStage(Specs.label("barrier", args), window, predictor, gamma, args.number("market_risk"), relax);
                }));

        b.add(new Builtin("ars", StageKind.ADAPT,
                List.of(Specs.number("scale", 1, 1e-9, 1e6, "mu: the bound climbs from sigma_min at (1 - mu) rf to sigma_max at (1 + mu) rf"),
                        Specs.number("sigma_min", 0.01, 0, 1, "the smallest acceptable daily risk"),
                        Specs.number("sigma_max", 0.015, 0, 1, "the largest acceptable daily risk"),
                        Specs.bars("window", 5, 1, "recent portfolio returns in the mean"),
                        Specs.percent("risk_free", RIPO_RISK_FREE, 1e-9, 1, "rf, the annual risk-free rate")),
                "RiPO's Adaptive Risk Strategy: the risk stage's bound follows recent performance.",
                "Sets the acceptable risk sigma_s_{t+1} of the barrier stage before it, before that stage solves at the "
                        + "same step: r_d the mean of the portfolio's last window net returns, r_a = (1 + r_d)^252 - 1, "
                        + "sigma_s = clip(a r_a + b, sigma_min, sigma_max), linear from sigma_min at r_a = (1 - scale) rf to "
                        + "sigma_max at (1 + scale) rf; 0.01 until window returns exist. The paper's settings: MS-1 scale 2, "
                        + "sigma_max 0.02, window 3; MS-2 scale 1, sigma_max 0.015, window 5; sigma_min 0.01.",
                PAPER,
                "strategy guarded = olmar | risk barrier | adapt ars(scale=2, sigma_max=0.02, window=3)",
                (args, context) -> {
                    double min = args.number("sigma_min"), max = args.number("sigma_max");
                    if (min > max) throw new BuildException("ars: sigma_min " + min + " exceeds sigma_max " + max);
                    AdaptiveRisk ars = new AdaptiveRisk(args.number("scale"), min, max,
                            args.bars("window", context.market().frequency(), 1), args.number("risk_free"));
                    return new AdapterStage(Specs.label("ars", args), ars);
                }));

        b.add(new Builtin("dcm", StageKind.ADAPT,
                List.of(Specs.number("m", 0.8, 0, 1, "the controller's contribution after gains"),
                        Specs.number("v", 0.005, 1e-12, 1e6, "the loss at which the controller contributes fully"),
                        Specs.bars("window", 5, 1, "recent portfolio returns in the mean"),
                        ParamSpec.optional("linear", new ParamType.Bool(), new Value.Bool(false), Double.NaN, Double.NaN,
                                "lambda = g instead of min((m + g)^(1 - g), 1)"),
                        Specs.choice("excess", List.of("authors", "daily"), "authors",
                                "x = mean daily return minus the annual rf (authors, as their code does) or minus rf / 252 (daily)"),
                        Specs.percent("risk_free", RIPO_RISK_FREE, 0, 1, "rf, the annual risk-free rate")),
                "RiPO's Dynamic Contribution Mechanism: how much of the risk correction is applied.",
                "Scales the correction a_c of the barrier stage before it (not the final weights): a = a_rl + lambda a_c. "
                        + "With x the mean of the portfolio's last window net returns minus the risk-free rate: x < 0 gives "
                        + "g = min(|x|, v) / v and lambda = min((m + g)^(1 - g), 1) (or g when linear); x >= 0 gives lambda = m; "
                        + "lambda = 1 until window returns exist. By default x subtracts the annual rf from a daily mean, as "
                        + "the authors' code does and the paper's m and v were chosen with; excess=daily subtracts rf / 252. "
                        + "The paper's settings: MS-1 m 0, v 0.5, window 3; MS-2 m 0.8, v 0.005, window 5.",
                PAPER,
                "strategy ripo = agent td3(actions=normalise) | risk barrier | adapt dcm(m=0.8, v=0.005) | adapt ars",
                (args, context) -> {
                    DynamicContribution dcm = new DynamicContribution(args.number("m"), args.number("v"),
                            args.bars("window", context.market().frequency(), 1), args.flag("linear"),
                            DynamicContribution.Excess.valueOf(args.text("excess").toUpperCase(Locale.ROOT)), args.number("risk_free"));
                    return new AdapterStage(Specs.label("dcm", args), dcm);
                }));
    }
}
