/**
 * RiPO's barrier-function risk controller: {@link dev.strat.runtime.risk.barrier.BarrierController}
 * forms one step's problem from the history (forecast, Σ_t and the predicted Σ_{t+1}, the barrier
 * bound, the relaxation schedule) as a {@link dev.strat.runtime.risk.barrier.BarrierProblem};
 * {@link dev.strat.runtime.risk.barrier.SocpSolver} solves it exactly by a parametric active-set
 * method ({@code BoxSimplexQp} inside) into a {@link dev.strat.runtime.risk.barrier.SocpSolution}
 * with a {@link dev.strat.runtime.risk.barrier.SocpStatus} and its
 * {@link dev.strat.runtime.risk.barrier.KktResiduals}. Allocation-free per step after construction.
 */
package dev.strat.runtime.risk.barrier;
