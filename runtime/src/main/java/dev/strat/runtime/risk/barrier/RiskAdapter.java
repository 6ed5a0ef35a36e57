package dev.strat.runtime.risk.barrier;

/**
 * Changes how a {@link BarrierStage} acts from the portfolio's recent returns: {@link AdaptiveRisk}
 * (ARS) sets the risk bound before the solve, {@link DynamicContribution} (DCM) scales the
 * controller's correction after it. A barrier stage takes at most one of each; they are attached
 * when the pipeline is built ({@code ... | risk barrier(...) | adapt ars(...)}).
 */
public sealed interface RiskAdapter permits AdaptiveRisk, DynamicContribution {

    /** The built-in's name for messages, e.g. {@code ars}. */
    String name();

    /** The most recent returns this adapter reads. */
    int window();
}
