package dev.strat.runtime.allocators;

import dev.strat.runtime.risk.CovarianceEstimator;

import dev.strat.runtime.cluster.Linkage;
import dev.strat.runtime.risk.RiskMeasure;

/**
 * Parameters of the hierarchical allocators ({@link HierarchicalRiskParity},
 * {@link HierarchicalEqualRiskContribution}). The defaults ({@link #defaults(int)}) are
 * riskfolio-lib's {@code HCPortfolio.optimization} defaults, which the HC-DRL paper ran: single
 * linkage, Pearson codependence, optimal leaf ordering, variance ({@code rm='MV'}), alpha 0.05,
 * sample covariance ({@code method_cov='hist'}), HERC's k by the two-difference gap statistic up
 * to {@code max_k = 10}, weights in [0, 1].
 *
 * @param window     trailing simple returns per decision (the stage needs {@code window + 1} closes)
 * @param linkage    agglomerative linkage of the clustering
 * @param dependence codependence whose distance is clustered
 * @param input      what the linkage clusters: the correlation distance itself or the Euclidean
 *                   distance between its columns
 * @param risk       risk measure of the bisection and of the naive inverse-risk weights
 * @param alpha      tail level of CVaR and CDaR
 * @param estimator  covariance estimator (used by variance and standard deviation)
 * @param minWeight  lower weight bound of every asset (riskfolio {@code w_min})
 * @param maxWeight  upper weight bound of every asset (riskfolio {@code w_max})
 * @param leafOrder  optimal leaf ordering of the dendrogram (riskfolio {@code leaf_order})
 * @param k          HERC's number of clusters; 0 chooses it by the gap statistic
 * @param maxK       largest k the gap statistic considers
 */
public record HierarchicalSettings(int window, Linkage linkage, Dependence dependence, ClusterInput input,
                                   RiskMeasure risk, double alpha, CovarianceEstimator estimator, double minWeight,
                                   double maxWeight, boolean leafOrder, int k, int maxK) {

    /** Codependence measures (riskfolio {@code codependence}). */
    public enum Dependence {
        /** Pearson correlation; distance {@code sqrt((1 - rho) / 2)}. */
        PEARSON,
        /** Spearman rank correlation; distance {@code sqrt((1 - rho) / 2)}. */
        SPEARMAN,
        /** Absolute Pearson correlation; distance {@code sqrt(1 - |rho|)}. */
        ABS_PEARSON;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /** What the linkage clusters. */
    public enum ClusterInput {
        /** The codependence distance matrix itself (riskfolio-lib, PyPortfolioOpt). */
        CORRELATION,
        /**
         * The Euclidean distance between the columns of the codependence distance matrix,
         * {@code sqrt(Σ_k (d_ki - d_kj)²)} (Lopez de Prado, 2016, step 1).
         */
        EUCLIDEAN;

        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }


    public HierarchicalSettings {
        if (window < 2) throw new IllegalArgumentException("window must be at least 2 returns, got " + window);
        java.util.Objects.requireNonNull(linkage, "linkage");
        java.util.Objects.requireNonNull(dependence, "dependence");
        java.util.Objects.requireNonNull(input, "input");
        java.util.Objects.requireNonNull(risk, "risk");
        java.util.Objects.requireNonNull(estimator, "estimator");
        if (!(alpha > 0 && alpha < 1)) throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        if (!(minWeight >= 0 && minWeight <= 1)) throw new IllegalArgumentException("min_weight must be in [0, 1], got " + minWeight);
        if (!(maxWeight > 0 && maxWeight <= 1)) throw new IllegalArgumentException("max_weight must be in (0, 1], got " + maxWeight);
        if (minWeight > maxWeight) {
            throw new IllegalArgumentException("min_weight " + minWeight + " is above max_weight " + maxWeight);
        }
        if (k < 0) throw new IllegalArgumentException("k must be >= 1 (or 0 for the gap statistic), got " + k);
        if (maxK < 1) throw new IllegalArgumentException("max_k must be >= 1, got " + maxK);
    }

    /** riskfolio-lib's defaults with the given window. */
    public static HierarchicalSettings defaults(int window) {
        return new HierarchicalSettings(window, Linkage.SINGLE, Dependence.PEARSON, ClusterInput.CORRELATION,
                RiskMeasure.VARIANCE, 0.05, CovarianceEstimator.SAMPLE, 0.0, 1.0, true, 0, 10);
    }

    public HierarchicalSettings withLinkage(Linkage l) {
        return new HierarchicalSettings(window, l, dependence, input, risk, alpha, estimator, minWeight, maxWeight, leafOrder, k, maxK);
    }

    public HierarchicalSettings withDependence(Dependence d) {
        return new HierarchicalSettings(window, linkage, d, input, risk, alpha, estimator, minWeight, maxWeight, leafOrder, k, maxK);
    }

    public HierarchicalSettings withInput(ClusterInput c) {
        return new HierarchicalSettings(window, linkage, dependence, c, risk, alpha, estimator, minWeight, maxWeight, leafOrder, k, maxK);
    }

    public HierarchicalSettings withRisk(RiskMeasure r, double a) {
        return new HierarchicalSettings(window, linkage, dependence, input, r, a, estimator, minWeight, maxWeight, leafOrder, k, maxK);
    }

    public HierarchicalSettings withEstimator(CovarianceEstimator e) {
        return new HierarchicalSettings(window, linkage, dependence, input, risk, alpha, e, minWeight, maxWeight, leafOrder, k, maxK);
    }

    public HierarchicalSettings withBounds(double min, double max) {
        return new HierarchicalSettings(window, linkage, dependence, input, risk, alpha, estimator, min, max, leafOrder, k, maxK);
    }

    public HierarchicalSettings withLeafOrder(boolean on) {
        return new HierarchicalSettings(window, linkage, dependence, input, risk, alpha, estimator, minWeight, maxWeight, on, k, maxK);
    }

    public HierarchicalSettings withClusters(int clusters, int maxClusters) {
        return new HierarchicalSettings(window, linkage, dependence, input, risk, alpha, estimator, minWeight, maxWeight, leafOrder, clusters, maxClusters);
    }
}
