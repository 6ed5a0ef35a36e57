/**
 * Deep reinforcement learning on DJL's PyTorch engine.
 *
 * <ul>
 *   <li>{@link dev.strat.runtime.rl.Env}: the gym-like contract the training loop drives; the
 *       portfolio environment and the benchmark environment implement it on plain arrays.</li>
 *   <li>{@code nn}: networks as composable modules on raw NDArrays (no Block machinery on the hot
 *       path), parameters, the fused Adam optimiser, the device.</li>
 *   <li>{@code algo}: DDPG, TD3, SAC, PPO, A2C behind {@link dev.strat.runtime.rl.algo.Agent}, with
 *       replay and rollout buffers on primitive arrays.</li>
 *   <li>{@code train}: the training loop, its listeners (NaN guard, checkpoints, early stopping,
 *       progress) and checkpoints.</li>
 *   <li>{@code portfolio}: observations, normalisation, action-to-weights maps, rewards, and the
 *       pipeline stage that runs a trained agent in a backtest.</li>
 * </ul>
 *
 * <p>Every random number an agent uses is drawn from a Java {@link java.util.SplittableRandom}
 * derived from the run's seed (initial weights, exploration noise, minibatch order, dropout
 * masks), never from PyTorch's global generator, so two runs with one seed are identical on CPU
 * and parallel runs cannot disturb each other.
 */
package dev.strat.runtime.rl;
