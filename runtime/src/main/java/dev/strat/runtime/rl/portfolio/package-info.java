/**
 * Portfolio reinforcement learning on real markets.
 *
 * <ul>
 *   <li>{@link dev.strat.runtime.rl.portfolio.Features}: observation features (price windows,
 *       returns, OHLCV, HADAPS volatility, RiPO covariance, Ta4j indicators, account state), each
 *       reading history only up to the decision bar and declaring its warm-up;
 *       {@link dev.strat.runtime.rl.portfolio.Observations} lays them out (tensor part, then flat)
 *       and {@link dev.strat.runtime.rl.portfolio.Normaliser} scales them with statistics of the
 *       train split.</li>
 *   <li>{@link dev.strat.runtime.rl.portfolio.ActionMaps}: actions to long-only weights with cash
 *       (sum-normalisation, softmax, simplex projection, HADAPS class hierarchy);
 *       {@link dev.strat.runtime.rl.portfolio.Rewards}: step rewards.</li>
 *   <li>{@link dev.strat.runtime.rl.portfolio.PortfolioTask} bundles them;
 *       {@link dev.strat.runtime.rl.portfolio.PortfolioEnv} trains on a bar range with the
 *       backtester's accounting, and {@link dev.strat.runtime.rl.portfolio.AgentStage} runs the
 *       trained agent in a backtest, holding the weights the environment would.</li>
 * </ul>
 */
package dev.strat.runtime.rl.portfolio;
