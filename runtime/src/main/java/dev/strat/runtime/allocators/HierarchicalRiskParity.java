package dev.strat.runtime.allocators;

/**
 * Hierarchical risk parity (M. Lopez de Prado, 2016) as a pipeline stage, re-estimated at every
 * decision from the trailing window; riskfolio-lib's {@code HCPortfolio(model='HRP')} step for
 * step (see {@link HierarchicalAllocation}). Fully invested, long-only.
 */
public final class HierarchicalRiskParity extends HierarchicalStage {

    public HierarchicalRiskParity(String label, HierarchicalSettings settings) {
        super(label, HierarchicalAllocation.Model.HRP, settings);
    }
}
