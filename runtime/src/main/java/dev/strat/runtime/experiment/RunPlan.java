package dev.strat.runtime.experiment;

import dev.strat.runtime.data.BarRange;

import java.util.ArrayList;
import java.util.List;

/**
 * An experiment expanded into {@link RunSpec runs}, grouped into chains: the runs of a chain go in
 * order, each handed what the one before produced (a trained model, for
 * {@link Protocol.Retrain#CONTINUE}); different chains are independent and may run in parallel.
 *
 * <p>Expansion, in strategy, then seed, then window order:
 * <ul>
 *   <li>a strategy that does not learn runs once per seed over the whole test span (window
 *       {@link RunSpec#ALL_WINDOWS} under a walk-forward, window 0 under a fixed split): its stage
 *       sees prices only through its history, so restarting it at each window would only add a
 *       rebuild of the portfolio from cash; its per-window results are slices of that run;</li>
 *   <li>a learning strategy runs once per seed and window; with {@code SCRATCH} every run is a
 *       chain of its own, with {@code CONTINUE} the windows of one (strategy, seed) form a chain.</li>
 * </ul>
 *
 * @param chains the chains, in plan order
 */
public record RunPlan(List<List<RunSpec>> chains) {

    public RunPlan {
        List<List<RunSpec>> copy = new ArrayList<>(chains.size());
        for (List<RunSpec> c : chains) {
            if (c.isEmpty()) throw new IllegalArgumentException("a chain of runs is empty");
            copy.add(List.copyOf(c));
        }
        chains = List.copyOf(copy);
    }

    /** The runs of {@code spec}. */
    public static RunPlan of(ExperimentSpec spec) {
        Protocol protocol = spec.protocol();
        List<Protocol.Window> windows = protocol.windows();
        boolean continues = protocol instanceof Protocol.WalkForward wf && wf.retrain() == Protocol.Retrain.CONTINUE;
        List<List<RunSpec>> chains = new ArrayList<>();
        for (NamedStrategy s : spec.strategies()) {
            boolean learns = s.training().isPresent();
            for (long seed : spec.seeds()) {
                if (!learns) {
                    int window = spec.walkForward() ? RunSpec.ALL_WINDOWS : 0;
                    chains.add(List.of(new RunSpec(spec.programHash(), spec.name(), s.name(), seed, window, null, null,
                            new BarRange(protocol.firstBar(), protocol.lastBar()))));
                    continue;
                }
                List<RunSpec> chain = new ArrayList<>();
                for (Protocol.Window w : windows) {
                    RunSpec run = new RunSpec(spec.programHash(), spec.name(), s.name(), seed, w.index(),
                            w.train().orElse(null), w.valid().orElse(null), w.test());
                    if (continues) {
                        chain.add(run);
                    } else {
                        chains.add(List.of(run));
                    }
                }
                if (continues) chains.add(chain);
            }
        }
        return new RunPlan(chains);
    }

    /** Every run, in plan order (the order of {@link RunExecutor#execute}'s results). */
    public List<RunSpec> runs() {
        List<RunSpec> all = new ArrayList<>();
        chains.forEach(all::addAll);
        return all;
    }

    /** Number of runs. */
    public int size() {
        int n = 0;
        for (List<RunSpec> c : chains) n += c.size();
        return n;
    }
}
