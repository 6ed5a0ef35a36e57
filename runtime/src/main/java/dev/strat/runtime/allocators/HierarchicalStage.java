package dev.strat.runtime.allocators;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * The stage shared by {@link HierarchicalRiskParity} and {@link HierarchicalEqualRiskContribution}:
 * at each decision it reads the last {@code window} simple returns of every asset through the
 * decision's {@link History} (closes up to the decision bar only) into a reused block and asks
 * {@link HierarchicalAllocation} for fully invested weights (cash 0). Until {@code window + 1}
 * closes are visible it holds cash. Infeasible bounds for the run's universe fail at
 * {@link #reset} with a message naming the bound.
 */
abstract class HierarchicalStage implements Stage {

    private final String label;
    private final HierarchicalAllocation allocation;
    private final int window;
    private double[] block = new double[0];
    private double[] weights = new double[0];
    private int n;

    HierarchicalStage(String label, HierarchicalAllocation.Model model, HierarchicalSettings settings) {
        this.label = label;
        this.allocation = new HierarchicalAllocation(model, settings);
        this.window = settings.window();
    }

    @Override public final String label() { return label; }

    /** {@code window} returns need {@code window + 1} closes. */
    @Override public final int warmup() { return window + 1; }

    /** The settings this stage allocates with. */
    public final HierarchicalSettings settings() { return allocation.settings(); }

    /** HERC's number of clusters at the last decision (0 for HRP). */
    public final int clusters() { return allocation.clusters(); }

    @Override
    public final void reset(RunSetup setup) {
        n = setup.assets();
        HierarchicalAllocation.checkBounds(allocation.settings(), n);
        if (block.length != window * n) {
            block = new double[window * n];
            weights = new double[n];
        }
    }

    @Override
    public final void propose(Decision decision, double[] out) {
        History h = decision.history();
        if (h.available() < warmup()) {
            Weights.cash(out);
            return;
        }
        for (int r = 0; r < window; r++) {            // row r = bar r of the window, oldest first
            int lag = window - 1 - r;
            for (int i = 0; i < n; i++) block[r * n + i] = h.relative(lag, i) - 1.0;
        }
        allocation.allocate(block, window, n, weights);
        Weights.invested(weights, out);
    }
}
