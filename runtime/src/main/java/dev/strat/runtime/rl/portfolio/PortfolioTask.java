package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.MarketData;

import java.util.Objects;

/**
 * Everything that defines a portfolio learning problem, shared by the training environment
 * ({@link PortfolioEnv}) and the backtest stage ({@link AgentStage}) so that both see the same
 * observations and turn actions into the same weights.
 *
 * @param market       the market (the splits are bar ranges of it)
 * @param observations what the agent sees
 * @param normaliser   the scaling fitted on the train split (or {@link Normaliser#identity})
 * @param actions      how actions become weights
 * @param reward       the training reward
 * @param config       capital and frictions; backtests of the trained agent should use the same
 */
public record PortfolioTask(MarketData market, Observations observations, Normaliser normaliser, ActionMap actions,
                            Reward reward, BacktestConfig config) {

    public PortfolioTask {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(normaliser, "normaliser");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(config, "config");
        if (observations.assets() != market.assets()) {
            throw new IllegalArgumentException("observations are built for " + observations.assets() + " assets, market "
                    + market.name() + " has " + market.assets());
        }
        if (normaliser.size() != observations.size()) {
            throw new IllegalArgumentException("normaliser has " + normaliser.size() + " values, the observation "
                    + observations.size());
        }
        actions.space(market.assets()); // fails early when the map does not fit the market
    }
}
