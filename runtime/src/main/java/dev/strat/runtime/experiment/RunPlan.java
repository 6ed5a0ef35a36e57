package dev.strat.runtime.experiment;

import dev.strat.runtime.data.BarRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * <p>Chains order the <em>training</em>. The test backtests of one (strategy, seed) are one
 * {@linkplain #accounts() account}: each window's test starts from the holdings the previous
 * window's test ended with, so they go in window order whatever the chains. Where an account lies
 * in one chain (a non-learner, a fixed split, {@code CONTINUE}) the chain tests as it goes; where it
 * spans chains ({@code SCRATCH} windows, trained independently) the tests follow the training
 * ({@link #accountsAcrossChains()}).
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

    /**
     * The runs whose test backtests are one account, in plan order: the runs of each (strategy,
     * seed), in window order. Each run's test starts from the holdings its predecessor's ended with;
     * the first starts in cash.
     */
    public List<List<RunSpec>> accounts() {
        Map<String, List<RunSpec>> byKey = new LinkedHashMap<>();
        for (RunSpec run : runs()) byKey.computeIfAbsent(accountKey(run), k -> new ArrayList<>()).add(run);
        return List.copyOf(byKey.values().stream().map(List::copyOf).toList());
    }

    /**
     * The {@linkplain #accounts() accounts} whose runs are not all in one chain: their runs train
     * independently, and their tests must wait for the training of the windows before them.
     */
    public List<List<RunSpec>> accountsAcrossChains() {
        Map<String, Integer> chainOf = new HashMap<>();
        Map<String, Boolean> split = new LinkedHashMap<>();
        for (int c = 0; c < chains.size(); c++) {
            for (RunSpec run : chains.get(c)) {
                String key = accountKey(run);
                Integer seen = chainOf.putIfAbsent(key, c);
                split.merge(key, seen != null && seen != c, Boolean::logicalOr);
            }
        }
        return accounts().stream().filter(a -> split.get(accountKey(a.get(0)))).toList();
    }

    private static String accountKey(RunSpec run) {
        return run.strategy() + '\u0000' + run.seed();
    }

    /** Number of runs. */
    public int size() {
        int n = 0;
        for (List<RunSpec> c : chains) n += c.size();
        return n;
    }
}
