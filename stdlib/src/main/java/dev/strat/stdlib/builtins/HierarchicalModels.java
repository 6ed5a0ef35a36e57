package dev.strat.stdlib.builtins;

import dev.strat.runtime.allocators.HierarchicalAllocation;
import dev.strat.runtime.allocators.HierarchicalEqualRiskContribution;
import dev.strat.runtime.allocators.HierarchicalRiskParity;
import dev.strat.runtime.allocators.HierarchicalSettings;
import dev.strat.runtime.cluster.Linkage;
import dev.strat.runtime.risk.RiskMeasure;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildContext;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code hrp} and {@code herc}: the hierarchical clustering models, with riskfolio-lib's
 * {@code HCPortfolio} defaults and names (registered by {@link Models}).
 */
final class HierarchicalModels {

    private HierarchicalModels() {
    }

    private static List<String> ids(Object[] values) {
        return Arrays.stream(values).map(v -> ((Enum<?>) v).name().toLowerCase(Locale.ROOT)).toList();
    }

    private static List<ParamSpec> common() {
        List<ParamSpec> p = new ArrayList<>();
        p.add(Specs.bars("window", 60, 2, "trailing simple returns per decision (needs window + 1 closes)"));
        p.add(Specs.choice("linkage", ids(Linkage.values()), "single", "agglomerative linkage (scipy's)"));
        p.add(Specs.choice("codependence", ids(HierarchicalSettings.Dependence.values()), "pearson",
                "correlation clustered: distance sqrt((1 - rho)/2), or sqrt(1 - |rho|) for abs_pearson"));
        p.add(Specs.choice("distance", ids(HierarchicalSettings.ClusterInput.values()), "correlation",
                "clustering input: the correlation distance itself (riskfolio-lib, PyPortfolioOpt) or the Euclidean "
                        + "distance between its columns (Lopez de Prado 2016)"));
        p.add(Specs.choice("risk", ids(RiskMeasure.values()), "variance",
                "risk measure of the bisection and of the inverse-risk weights"));
        p.add(Specs.number("alpha", 0.05, 1e-6, 0.999999, "tail level of cvar and cdar"));
        p.add(Specs.choice("estimator", dev.strat.runtime.risk.CovarianceEstimator.keys(), "sample",
                "covariance estimator (for variance and std)"));
        p.add(Specs.percent("min_weight", 0.0, 0, 1, "lower bound of every weight"));
        p.add(Specs.percent("max_weight", 1.0, 0, 1, "upper bound of every weight"));
        p.add(ParamSpec.optional("leaf_order", new ParamType.Bool(), new Value.Bool(true), Double.NaN, Double.NaN,
                "optimal leaf ordering of the dendrogram (Bar-Joseph et al. 2001)"));
        return p;
    }

    private static final String COMMON_DOC =
            "At every decision takes the last window simple returns, their covariance (sample, or Ledoit-Wolf "
                    + "shrinkage) and codependence (pearson, spearman or abs_pearson), clusters the distance "
                    + "(distance=correlation) or the Euclidean distance between its columns (distance=euclidean) with "
                    + "scipy's linkage and optimal leaf ordering, and weights the assets by risk. The risk measures are "
                    + "riskfolio-lib's: variance (rm='MV', inverse-variance weights), std ('vol', inverse volatility), "
                    + "mad, cvar (historical, alpha), cdar and mdd (drawdowns of uncompounded cumulative returns). "
                    + "Bounds are riskfolio's step 4, applied after the allocation: clip to [min_weight, max_weight] and "
                    + "give the excess to the assets strictly inside, up to 100 rounds (a remainder left when every asset "
                    + "sits on a bound is spread by room); bounds that cannot make 100% are an error. Fully invested, "
                    + "long-only. Defaults are riskfolio-lib's HCPortfolio defaults (linkage single, codependence "
                    + "pearson, leaf ordering on, risk variance, alpha 0.05, sample covariance), which the HC-DRL paper "
                    + "ran; weights agree with riskfolio-lib 7.3 to 1e-10 on the golden cases. Where riskfolio divides by "
                    + "zero (a flat asset) the limit is taken: zero-risk assets share their cluster's weight, and a window "
                    + "that is flat everywhere gives 1/N.";

    static void register(Registry.Builder b) {
        b.add(new Builtin("hrp", StageKind.MODEL, common(),
                "Hierarchical risk parity (Lopez de Prado), as riskfolio-lib's HCPortfolio(model='HRP').",
                COMMON_DOC + " HRP bisects the leaf order into halves, level by level, and splits each parent's "
                        + "weight 1 - r_left/(r_left + r_right), where a half's risk is that of its inverse-risk portfolio.",
                "M. Lopez de Prado, \"Building diversified portfolios that outperform out of sample\", "
                        + "Journal of Portfolio Management 42(4), 2016",
                "models hc = [hrp(window=w, risk=cdar) for w in [30, 60, 120]]",
                (args, context) -> new HierarchicalRiskParity(Specs.label("hrp", args), settings(args, context, false))));
        List<ParamSpec> herc = common();
        herc.add(Specs.count("k", 0, 0, "number of clusters; 0 picks it by the two-difference gap statistic"));
        herc.add(Specs.count("max_k", 10, 1, "largest number of clusters the gap statistic considers"));
        b.add(new Builtin("herc", StageKind.MODEL, herc,
                "Hierarchical equal risk contribution (Raffinot), as riskfolio-lib's HCPortfolio(model='HERC').",
                COMMON_DOC + " HERC cuts the dendrogram into k clusters (k by the two-difference gap statistic up "
                        + "to max_k, or given), splits the weight top-down at the k - 1 highest merges in proportion to "
                        + "the summed risks of the clusters on each side, and shares each cluster's weight by inverse risk.",
                "T. Raffinot, \"The hierarchical equal risk contribution portfolio\", 2018 (SSRN 3237540)",
                "strategy h = herc(window=120, risk=cdar, linkage=ward)",
                (args, context) -> new HierarchicalEqualRiskContribution(Specs.label("herc", args), settings(args, context, true))));
    }

    private static HierarchicalSettings settings(Arguments args, BuildContext context, boolean herc) {
        HierarchicalSettings s;
        try {
            s = new HierarchicalSettings(
                    args.bars("window", context.market().frequency(), 2),
                    Linkage.byId(args.text("linkage")),
                    HierarchicalSettings.Dependence.valueOf(args.text("codependence").toUpperCase(Locale.ROOT)),
                    HierarchicalSettings.ClusterInput.valueOf(args.text("distance").toUpperCase(Locale.ROOT)),
                    RiskMeasure.byId(args.text("risk")),
                    args.number("alpha"),
                    dev.strat.runtime.risk.CovarianceEstimator.parse(args.text("estimator")),
                    args.number("min_weight"), args.number("max_weight"),
                    args.flag("leaf_order"),
                    herc ? args.integer("k") : 0,
                    herc ? args.integer("max_k") : 10);
            HierarchicalAllocation.checkBounds(s, context.market().assets());
        } catch (IllegalArgumentException e) {
            throw new BuildException((herc ? "herc" : "hrp") + ": " + e.getMessage());
        }
        return s;
    }
}
