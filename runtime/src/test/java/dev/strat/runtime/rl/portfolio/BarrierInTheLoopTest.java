package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.risk.barrier.BarrierController;
import dev.strat.runtime.risk.barrier.BarrierStage;
import dev.strat.runtime.risk.barrier.PriceForecast;
import dev.strat.runtime.rl.Env;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RiPO trains with the controller in the loop: the environment executes the corrected weights,
 * while the action the training loop hands the replay buffer stays the agent's own.
 */
class BarrierInTheLoopTest {

    @Test
    void theEnvironmentTradesTheCorrectedWeightsAndLeavesTheActionAlone() {
        MarketData market = Fixtures.market();
        Observations obs = new Observations(List.of(Features.returns(5), Features.weights()), market.assets());
        PortfolioTask task = new PortfolioTask(market, obs, Normaliser.fit(obs, market, 30, 200), ActionMaps.sumNormalise(),
                Rewards.logReturn(), BacktestConfig.FRICTIONLESS);
        BarrierStage barrier = new BarrierStage("barrier", 21, new PriceForecast.MovingAverage(5), 0.3, 0.001, BarrierController.RIPO_RELAXATION);
        PortfolioEnv env = new PortfolioEnv(task, 320, 360, Optional.of(barrier), 1);
        int n = market.assets();
        float[] o = new float[env.spec().observationSize()];
        float[] action = new float[env.spec().action().width()];
        // a concentrated action with some cash: the map gives 70% to asset 0 and the rest spread
        for (int i = 0; i <= n; i++) action[i] = i == 0 ? 1f : -0.8f;
        double[] mapped = new double[n + 1];
        task.actions().toWeights(action, mapped);
        env.reset(3, o);
        double corrected = 0;
        for (int k = 0; k < 20; k++) {
            float[] own = action.clone();
            Env.Step s = env.step(action, o);
            assertArrayEquals(own, action, "the buffer gets the agent's own action, step " + k);
            double[] executed = env.executed();
            assertEquals(0.0, executed[n], 1e-12, "RiPO holds no cash");
            double diff = 0;
            for (int i = 0; i < n; i++) diff += Math.abs(executed[i] - mapped[i] / (1 - mapped[n]));
            corrected = Math.max(corrected, diff);
            if (s.done()) break;
        }
        assertTrue(corrected > 1e-3, "the controller changed what trades: " + corrected);
        assertTrue(barrier.controller().solved() + barrier.controller().unsolved() >= 20);
    }
}
