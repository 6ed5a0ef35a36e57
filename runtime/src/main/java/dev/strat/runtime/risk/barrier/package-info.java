/**
 * RiPO's barrier-function risk controller: {@link dev.strat.runtime.risk.barrier.BarrierController}
 * forms one step's problem from the history (forecast, Σ_t and the predicted Σ_{t+1}, the barrier
 * bound, the relaxation schedule) as a {@link dev.strat.runtime.risk.barrier.BarrierProblem};
 * {@link dev.strat.runtime.risk.barrier.SocpSolver} solves it exactly by a parametric active-set
 * method ({@code BoxSimplexQp} inside) into a {@link dev.strat.runtime.risk.barrier.SocpSolution}
 * with a {@link dev.strat.runtime.risk.barrier.SocpStatus} and its
 * {@link dev.strat.runtime.risk.barrier.KktResiduals}. Allocation-free per step after construction.
 *
 * <p>In a pipeline, {@link dev.strat.runtime.risk.barrier.BarrierStage} ({@code risk barrier}) runs
 * the controller after an allocator or agent; the {@link dev.strat.runtime.risk.barrier.RiskAdapter}s
 * {@link dev.strat.runtime.risk.barrier.AdaptiveRisk} (ARS: the bound) and
 * {@link dev.strat.runtime.risk.barrier.DynamicContribution} (DCM: the correction's weight) are
 * attached to it at build time and read the portfolio's {@link dev.strat.runtime.risk.barrier.RecentReturns};
 * {@link dev.strat.runtime.risk.barrier.AdapterStage} marks where an {@code adapt} stage was written.
 */
package dev.strat.runtime.risk.barrier;
