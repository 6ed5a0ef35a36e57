package dev.strat.runtime.risk.barrier;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;

/**
 * Where an {@code adapt} built-in stands in a pipeline. It does its work inside the
 * {@link BarrierStage} before it, to which the pipeline builder {@linkplain BarrierStage#attach
 * attaches} its {@link RiskAdapter} (ARS must set the bound before that stage solves, DCM scales
 * the correction inside it); in the pipeline itself it passes the proposal on unchanged.
 */
public record AdapterStage(String label, RiskAdapter adapter) implements Stage {

    @Override
    public void reset(RunSetup setup) {
    }

    @Override
    public void propose(Decision decision, double[] out) {
        System.arraycopy(decision.proposal(), 0, out, 0, out.length);
    }
}
