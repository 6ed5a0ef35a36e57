package dev.strat.runtime.risk.barrier;

import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.ReportSink;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * RiPO's risk stage ({@code risk barrier(...)}): after an allocator or agent, it replaces the
 * proposal by {@code a = a_rl + lambda_t a_c}, where
 * <ul>
 * <li>a_rl is the proposal's asset weights normalised to sum 1. RiPO holds no cash: a cash weight
 *     in the proposal is dropped (the assets keep their proportions), and an all-cash proposal
 *     becomes equal weights, as RiPO's environment treats an all-zero action;</li>
 * <li>a_c is the {@link BarrierController}'s correction, solved against the bound sigma_s_{t+1}
 *     from an attached {@link AdaptiveRisk} (ARS), else {@link BarrierController#HOLD_RISK} (the
 *     reference formulas' reset rule: predicted risk no higher than the current);</li>
 * <li>lambda_t comes from an attached {@link DynamicContribution} (DCM), else 1.</li>
 * </ul>
 * The adapters read the portfolio's realised net returns, which this stage records from each
 * {@link Outcome}; sigma_alpha_t uses the weights last executed. The final action keeps sum 1 and
 * lies in [0, 1] (a convex combination of a_rl and a_rl + a_c); cash is always 0.
 *
 * <p>Reports: counters {@code solved}, {@code unsolved} and {@code relaxed} (steps that needed the
 * relaxation schedule), per-step series {@code bound} (sigma_s_{t+1} before relaxation),
 * {@code sigma_alpha}, {@code correction} (|a_c|, the L1 norm) and, with DCM, {@code lambda}.
 */
public final class BarrierStage implements Stage {

    private final String label;
    private final int window;
    private final PriceForecast predictor;
    private final double gamma;
    private final double marketRisk;
    private final double[] relaxation;
    private AdaptiveRisk ars;
    private DynamicContribution dcm;

    private BarrierController controller;
    private RecentReturns returns;
    private ReportSink reports = ReportSink.NONE;
    private double[] aRl;
    private double[] correction;
    private double[] lastWeights;
    private boolean executedYet;

    /** The arguments as {@link BarrierController}'s; {@code relaxation} may be empty (no retries). */
    public BarrierStage(String label, int window, PriceForecast predictor, double gamma, double marketRisk, double[] relaxation) {
        // the controller checks its arguments; build a throwaway one so bad input fails at build time
        new BarrierController(1, window, predictor, gamma, marketRisk, relaxation);
        this.label = label;
        this.window = window;
        this.predictor = predictor;
        this.gamma = gamma;
        this.marketRisk = marketRisk;
        this.relaxation = relaxation.clone();
    }

    /**
     * Attaches an adapter; a second one of the same kind is refused.
     *
     * @throws IllegalStateException when one of that kind is attached already
     */
    public void attach(RiskAdapter adapter) {
        switch (adapter) {
            case AdaptiveRisk a -> {
                if (ars != null) throw new IllegalStateException("'ars' is attached to this risk stage twice");
                ars = a;
            }
            case DynamicContribution d -> {
                if (dcm != null) throw new IllegalStateException("'dcm' is attached to this risk stage twice");
                dcm = d;
            }
        }
    }

    /** The attached ARS, or null. */
    public AdaptiveRisk ars() { return ars; }

    /** The attached DCM, or null. */
    public DynamicContribution dcm() { return dcm; }

    /** This run's controller (its counts), or null before the first reset. */
    public BarrierController controller() { return controller; }

    @Override public String label() { return label; }

    @Override public int warmup() { return Math.max(window + 1, predictor.warmup()); }

    @Override
    public void reset(RunSetup setup) {
        int n = setup.assets();
        controller = new BarrierController(n, window, predictor, gamma, marketRisk, relaxation);
        int capacity = Math.max(ars == null ? 1 : ars.window(), dcm == null ? 1 : dcm.window());
        returns = new RecentReturns(capacity);
        reports = setup.reports();
        aRl = new double[n];
        correction = new double[n];
        lastWeights = new double[n];
        executedYet = false;
    }

    @Override
    public void propose(Decision decision, double[] out) {
        final int n = aRl.length;
        final double[] in = decision.proposal();
        double sum = 0;
        for (int i = 0; i < n; i++) sum += Math.max(0, in[i]);
        for (int i = 0; i < n; i++) aRl[i] = sum > 0 ? Math.max(0, in[i]) / sum : 1.0 / n;
        out[n] = 0;
        History history = decision.history();
        if (history.available() < controller.warmup()) {
            // not enough history for a forecast: the agent's own weights (the pipeline holds cash until warm)
            System.arraycopy(aRl, 0, out, 0, n);
            return;
        }
        if (!executedYet) System.arraycopy(decision.current(), 0, lastWeights, 0, n);
        double bound = ars == null ? BarrierController.HOLD_RISK : ars.bound(returns);
        boolean solved = controller.step(history, aRl, lastWeights, bound, correction);
        double lambda = dcm == null ? 1 : dcm.lambda(returns);

        double total = 0, size = 0;
        for (int i = 0; i < n; i++) {
            size += Math.abs(correction[i]);
            double a = Math.max(0, aRl[i] + lambda * correction[i]); // the solver's tolerance may leave -1e-12
            out[i] = a;
            total += a;
        }
        for (int i = 0; i < n; i++) out[i] /= total;

        int step = decision.step();
        reports.count(solved ? "solved" : "unsolved", 1);
        if (controller.lastRetries() > 0) reports.count("relaxed", 1);
        reports.series("bound", step, controller.lastBoundNext());
        reports.series("sigma_alpha", step, controller.lastSigmaAlpha());
        reports.series("correction", step, size);
        if (dcm != null) reports.series("lambda", step, lambda);
    }

    @Override
    public void observe(Outcome outcome) {
        returns.add(outcome.netReturn());
        System.arraycopy(outcome.executed(), 0, lastWeights, 0, lastWeights.length);
        executedYet = true;
    }
}
