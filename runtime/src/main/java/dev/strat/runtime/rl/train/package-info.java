/**
 * The training loop for {@link dev.strat.runtime.rl.algo.Agent}s on any
 * {@link dev.strat.runtime.rl.Env}: {@link dev.strat.runtime.rl.train.Trainer} runs epochs of
 * seeded episodes, validates after each epoch through a pluggable
 * {@link dev.strat.runtime.rl.train.Validator} and keeps the best model in memory.
 *
 * <p>Cross-cutting concerns are {@link dev.strat.runtime.rl.train.TrainingListener}s rather than
 * flags in agents: {@link dev.strat.runtime.rl.train.NanGuard},
 * {@link dev.strat.runtime.rl.train.EarlyStopping},
 * {@link dev.strat.runtime.rl.train.CheckpointListener} and
 * {@link dev.strat.runtime.rl.train.TrainingProgress} (the bridge to the terminal's progress bar).
 * A model is saved as one {@link dev.strat.runtime.rl.train.Checkpoint} file, from which training
 * can also resume.
 */
package dev.strat.runtime.rl.train;
