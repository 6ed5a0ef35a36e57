package dev.strat.runtime.compose;

import dev.strat.runtime.backtest.Accounting;
import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.ReportSink;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Narrows the universe for the stage after it: every {@code every} decisions (the first included)
 * a {@link Scorer} ranks the N assets on history up to the decision bar and the top {@code k} are
 * picked; until the next pick the {@code then} stage allocates over those k assets and cash only.
 * {@code select top(5) by momentum(lookback=60) every 21d | ucrp} is the goal-based HRL paper's
 * two-level scheme with a rule in place of its high-level agent.
 *
 * <h2>What the then-stage sees</h2>
 * It works on k <em>slots</em> plus cash: its {@link Decision#history()} is a
 * {@link History#columns column view} of the picked assets (slot {@code j} is the asset in that
 * slot; the other assets cannot be read at all), its {@code current} holds the picked assets'
 * drifted weights with everything else (cash and the assets just dropped) counted as cash, and it
 * proposes k + 1 weights, which are expanded to N + 1 with zeros for the assets not picked. Its
 * {@link Outcome}s are restricted the same way; returns, costs and wealth are the account's.
 * Without a then-stage the picks get 1/k each.
 *
 * <h2>Re-picks and stateful stages</h2>
 * The then-stage is reset once per run, before any pick, with the symbols {@link #slotSymbols}
 * ({@code slot1..slotK}), and must be built for k assets. At a re-pick an asset that stays picked
 * keeps its slot; newly picked assets take the slots of the dropped ones, best-ranked first (at
 * the first pick slots follow the ranking). A stage that reads prices only from the history
 * (UCRP, OLMAR, MVO) is unaffected: the view maps a slot to its new asset for every past bar too.
 * State a stage keeps per slot (EG's weights, an agent's memory) carries over to the new asset of
 * the slot; such stages see a change of asset as a jump in that slot's behaviour.
 *
 * <h2>Reports</h2>
 * Under {@code name/}: counters {@code picked/<SYMBOL>} (in how many picks the asset was among the
 * top k) and the series {@code replaced} (how many slots changed asset at each pick, 0 at the first;
 * NaN between picks). The scorer's random stream is {@code random(name + "/scorer")}; the
 * then-stage's reports are under {@code name/then/}.
 */
public final class Select implements Stage, AutoCloseable {

    private final String name;
    private final int k;
    private final Scorer scorer;
    private final int every;
    private final Stage then;
    private final String label;

    private ReportSink reports = ReportSink.NONE;
    private String[] pickedCounters = new String[0];
    private String replacedSeries;
    private List<String> slots;
    private int n;
    private int decisions;
    private boolean picked;
    private double[] scores;
    private int[] ranked;
    private int[] picks;
    private boolean[] taken;
    private boolean[] placed;
    private double[] subCurrent;
    private double[] subProposal;
    private double[] subExecuted;
    private double[] subRelatives;
    private History view;
    private History viewParent;

    /**
     * @param name   the stage's path in its strategy; reports and random streams are named after it
     * @param k      how many assets to pick, >= 1 (and at most the run's assets)
     * @param every  decisions between picks, >= 1
     * @param then   the stage that allocates over the picks, built for k assets; null for equal weights
     */
    public Select(String name, int k, Scorer scorer, int every, Stage then) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a selector needs a name");
        if (k < 1) throw new IllegalArgumentException("top: k must be >= 1, got " + k);
        if (every < 1) throw new IllegalArgumentException("top: every must be >= 1 decision, got " + every);
        this.name = name;
        this.k = k;
        this.scorer = java.util.Objects.requireNonNull(scorer, "scorer");
        this.every = every;
        this.then = then;
        this.label = "top(" + k + ") by " + scorer.label() + (every > 1 ? " every " + every : "")
                + (then == null ? "" : " | " + then.label());
    }

    /** The symbols the then-stage is reset with: {@code slot1 .. slotK}. */
    public static List<String> slotSymbols(int k) {
        List<String> out = new ArrayList<>(k);
        for (int j = 1; j <= k; j++) out.add("slot" + j);
        return List.copyOf(out);
    }

    public String name() { return name; }

    public int k() { return k; }

    public Scorer scorer() { return scorer; }

    public int every() { return every; }

    @Override
    public String label() { return label; }

    @Override
    public int warmup() { return Math.max(scorer.warmup(), then == null ? 0 : then.warmup()); }

    @Override
    public List<Stage> children() { return then == null ? List.of() : List.of(then); }

    @Override
    public void reset(RunSetup setup) {
        n = setup.assets();
        if (k > n) throw new IllegalArgumentException("top(" + k + ") cannot pick from " + n + " assets");
        RunSetup own = setup.forMember(name, setup.symbols());
        // full names, written to the run's sink directly: a scoped sink would concatenate on every call
        reports = setup.reports();
        replacedSeries = name + "/replaced";
        scorer.reset(own, name);
        slots = slotSymbols(k);
        if (then != null) then.reset(own.forMember("then", slots));
        pickedCounters = new String[n];
        for (int i = 0; i < n; i++) pickedCounters[i] = name + "/picked/" + setup.symbols().get(i);
        scores = new double[n];
        ranked = new int[k];
        picks = new int[k];
        taken = new boolean[n];
        placed = new boolean[n];
        subCurrent = new double[k + 1];
        subProposal = new double[k + 1];
        subExecuted = new double[k + 1];
        subRelatives = new double[k];
        view = null;
        viewParent = null;
        decisions = 0;
        picked = false;
    }

    @Override
    public void propose(Decision decision, double[] out) {
        History history = decision.history();
        if (decisions++ % every == 0) {
            pick(history, decision.step());
            view = null;
        }
        if (view == null || viewParent != history) {
            view = history.columns(picks);
            viewParent = history;
        }
        SubUniverse.restrict(decision.current(), picks, subCurrent);
        if (then == null) {
            Arrays.fill(subProposal, 0, k, 1.0 / k);
            subProposal[k] = 0;
        } else {
            Arrays.fill(subProposal, Double.NaN);
            then.propose(new Decision(view, decision.step(), subCurrent, subCurrent, decision.wealth()), subProposal);
            String problem = Accounting.tidy(subProposal, k, slots);
            if (problem != null) {
                throw new IllegalStateException("select '" + name + "': the stage after it (" + then.label() + ") proposed "
                        + problem + " at step " + decision.step() + "; it must propose k + 1 = " + (k + 1) + " weights");
            }
        }
        SubUniverse.expand(subProposal, picks, n, out);
    }

    /** Ranks the assets and fills the slots; an asset that stays picked keeps its slot. */
    private void pick(History history, int step) {
        Arrays.fill(scores, Double.NaN);
        scorer.score(history, scores);
        Arrays.fill(taken, false);
        for (int r = 0; r < k; r++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i]) continue;
                double s = Double.isNaN(scores[i]) ? Double.NEGATIVE_INFINITY : scores[i];
                if (best < 0 || s > bestScore) {  // strict: ties go to the lower index
                    best = i;
                    bestScore = s;
                }
            }
            taken[best] = true;
            ranked[r] = best;
        }
        int replaced = 0;
        if (!picked) {
            System.arraycopy(ranked, 0, picks, 0, k);
            picked = true;
        } else {
            Arrays.fill(placed, false);
            for (int j = 0; j < k; j++) {
                if (taken[picks[j]]) placed[picks[j]] = true;
                else picks[j] = -1;
            }
            int r = 0;
            for (int j = 0; j < k; j++) {
                if (picks[j] >= 0) continue;
                while (placed[ranked[r]]) r++;
                picks[j] = ranked[r];
                placed[ranked[r]] = true;
                replaced++;
            }
        }
        for (int j = 0; j < k; j++) reports.count(pickedCounters[picks[j]], 1);
        reports.series(replacedSeries, step, replaced);
    }

    @Override
    public void observe(Outcome outcome) {
        if (then == null) return;
        then.observe(SubUniverse.restrict(outcome, picks, subExecuted, subRelatives));
    }

    /** Closes the then-stage when it holds resources. */
    @Override
    public void close() {
        if (then != null) dev.strat.runtime.pipeline.Stages.closeAll(List.of(then));
    }
}
