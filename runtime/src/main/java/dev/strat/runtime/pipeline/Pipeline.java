package dev.strat.runtime.pipeline;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Stages run left to right: each receives the proposal of the one before. A pipeline is itself
 * a {@link Stage}, so pipelines nest (a switcher can choose among pipelines).
 */
public final class Pipeline implements Stage, AutoCloseable {

    private final String name;
    private final List<Stage> stages;
    private double[][] buffers;

    public Pipeline(String name, List<Stage> stages) {
        if (stages.isEmpty()) throw new IllegalArgumentException("a pipeline needs at least one stage");
        this.name = name;
        this.stages = List.copyOf(stages);
    }

    public String name() { return name; }

    public List<Stage> stages() { return stages; }

    @Override
    public List<Stage> children() { return stages; }

    @Override
    public String label() {
        return stages.stream().map(Stage::label).collect(Collectors.joining(" | "));
    }

    @Override
    public int warmup() {
        int w = 0;
        for (Stage s : stages) w = Math.max(w, s.warmup());
        return w;
    }

    @Override
    public void reset(RunSetup setup) {
        buffers = new double[stages.size()][setup.assets() + 1];
        for (Stage s : stages) s.reset(setup);
    }

    @Override
    public void propose(Decision decision, double[] out) {
        double[] in = decision.proposal();
        int last = stages.size() - 1;
        for (int k = 0; k <= last; k++) {
            double[] target = k == last ? out : buffers[k];
            Decision d = k == 0 ? decision : new Decision(decision.history(), decision.step(), in, decision.current(), decision.wealth());
            stages.get(k).propose(d, target);
            in = target;
        }
    }

    @Override
    public void observe(Outcome outcome) {
        for (Stage s : stages) s.observe(outcome);
    }

    /** Closes the stages that hold resources (learning stages free their networks). */
    @Override
    public void close() {
        Stages.closeAll(stages);
    }
}
