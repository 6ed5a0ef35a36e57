package dev.strat.runtime.compose;

import dev.strat.runtime.backtest.Accounting;
import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.Outcome;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.pipeline.Stages;

import java.util.List;
import java.util.Objects;

/**
 * A stage confined to a fixed subset of the assets, an asset class: it sees a
 * {@link History#columns} view of its assets and cash, proposes weights over them, and the
 * sleeve's proposal holds nothing else. A {@code hierarchy} is a {@link Blend} of sleeves, one per
 * asset class: the blend's policy splits the wealth across classes, each sleeve allocates within
 * its class. The inner stage is reset with the class's own symbols, so a stage built for them
 * (e.g. {@code crp} with one weight per member) reads its assets by their real names.
 */
public final class Sleeve implements Stage, AutoCloseable {

    private final String name;
    private final int[] columns;
    private final Stage inner;
    private final String label;
    private List<String> symbols;
    private int n;
    private History view;
    private History viewParent;
    private double[] subCurrent;
    private double[] subProposal;
    private double[] subExecuted;
    private double[] subRelatives;

    /**
     * @param columns the sleeve's assets as indices of the market's universe, in the inner stage's order
     */
    public Sleeve(String name, int[] columns, Stage inner) {
        this.name = Objects.requireNonNull(name, "name");
        this.columns = columns.clone();
        this.inner = Objects.requireNonNull(inner, "inner");
        if (columns.length == 0) throw new IllegalArgumentException(name + ": a sleeve needs at least one asset");
        this.label = name + ": " + inner.label();
    }

    @Override
    public String label() { return label; }

    @Override
    public int warmup() { return inner.warmup(); }

    @Override
    public List<Stage> children() { return List.of(inner); }

    @Override
    public void reset(RunSetup setup) {
        n = setup.assets();
        String[] own = new String[columns.length];
        for (int j = 0; j < columns.length; j++) {
            if (columns[j] < 0 || columns[j] >= n) {
                throw new IllegalArgumentException(name + ": asset index " + columns[j] + " outside the universe of " + n);
            }
            own[j] = setup.symbols().get(columns[j]);
        }
        symbols = List.of(own);
        inner.reset(setup.forMember(name, symbols));
        int k = columns.length;
        subCurrent = new double[k + 1];
        subProposal = new double[k + 1];
        subExecuted = new double[k + 1];
        subRelatives = new double[k];
        view = null;
        viewParent = null;
    }

    @Override
    public void propose(Decision decision, double[] out) {
        History history = decision.history();
        if (viewParent != history) {
            view = history.columns(columns);
            viewParent = history;
        }
        SubUniverse.restrict(decision.current(), columns, subCurrent);
        java.util.Arrays.fill(subProposal, Double.NaN);
        inner.propose(new Decision(view, decision.step(), subCurrent, subCurrent, decision.wealth()), subProposal);
        String problem = Accounting.tidy(subProposal, columns.length, symbols);
        if (problem != null) {
            throw new IllegalStateException("sleeve '" + name + "': " + inner.label() + " proposed " + problem + " at step "
                    + decision.step() + "; it allocates among its " + columns.length + " assets and cash");
        }
        SubUniverse.expand(subProposal, columns, n, out);
    }

    @Override
    public void observe(Outcome outcome) {
        inner.observe(SubUniverse.restrict(outcome, columns, subExecuted, subRelatives));
    }

    @Override
    public void close() {
        Stages.closeAll(List.of(inner));
    }
}
