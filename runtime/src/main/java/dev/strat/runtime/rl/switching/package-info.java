/**
 * A learned high-level policy for {@link dev.strat.runtime.compose.Switch} and
 * {@link dev.strat.runtime.compose.Blend}: the HRP/HERC switching paper's PPO agent that every K
 * bars picks (or weighs) the members of a pool from their recent performance.
 *
 * <p>{@link dev.strat.runtime.rl.switching.PoolState} is the state both training and the test
 * compute; {@link dev.strat.runtime.rl.switching.PoolSwitchEnv} replays the real account over a
 * {@link dev.strat.runtime.compose.PoolTape} of the members; {@link dev.strat.runtime.rl.switching.LearnedPoolPolicy}
 * is the policy a composite consults; {@link dev.strat.runtime.rl.switching.LearningPool} makes
 * the composite a trainable stage.
 */
package dev.strat.runtime.rl.switching;
