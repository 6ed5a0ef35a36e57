package dev.strat.runtime.allocators;

/**
 * Hierarchical equal risk contribution (T. Raffinot, 2018) as a pipeline stage, re-estimated at
 * every decision from the trailing window; riskfolio-lib's {@code HCPortfolio(model='HERC')} step
 * for step (see {@link HierarchicalAllocation}), with the number of clusters given or chosen by
 * the two-difference gap statistic. Fully invested, long-only.
 */
public final class HierarchicalEqualRiskContribution extends HierarchicalStage {

    public HierarchicalEqualRiskContribution(String label, HierarchicalSettings settings) {
        super(label, HierarchicalAllocation.Model.HERC, settings);
    }
}
