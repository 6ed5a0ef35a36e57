package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.rl.algo.Agent;

import java.util.Objects;

/**
 * A trained agent as a pipeline stage: at each decision it builds the observation from the
 * decision's history and account exactly as {@link PortfolioEnv} does, normalises it, asks the
 * agent for its deterministic action and maps it to weights. Backtested with the task's
 * {@link dev.strat.runtime.backtest.BacktestConfig} (the account's initial wealth is its capital),
 * it holds the weights the environment would hold in the same state.
 *
 * <p>The agent does not learn here; learning happens in the environment.
 */
public final class AgentStage implements Stage {

    private final String label;
    private final PortfolioTask task;
    private final Agent agent;
    private final float[] observation;
    private final float[] action;

    public AgentStage(String label, PortfolioTask task, Agent agent) {
        this.label = Objects.requireNonNull(label);
        this.task = Objects.requireNonNull(task);
        this.agent = Objects.requireNonNull(agent);
        int actionWidth = task.actions().space(task.market().assets()).width();
        if (agent.spec().action().width() != actionWidth) {
            throw new IllegalArgumentException("agent acts with " + agent.spec().action().width() + " values, the action map "
                    + task.actions().label() + " takes " + actionWidth);
        }
        if (agent.spec().observationSize() != task.observations().size()) {
            throw new IllegalArgumentException("agent observes " + agent.spec().observationSize() + " values, the task's observation has "
                    + task.observations().size());
        }
        this.observation = new float[task.observations().size()];
        this.action = new float[actionWidth];
    }

    @Override
    public String label() { return label; }

    @Override
    public int warmup() { return task.observations().warmup(); }

    @Override
    public void reset(RunSetup setup) {
        if (!setup.symbols().equals(task.market().symbols())) {
            throw new IllegalArgumentException("agent " + label + " was built for " + task.market().symbols() + ", the run trades "
                    + setup.symbols());
        }
    }

    @Override
    public void propose(Decision decision, double[] out) {
        task.observations().write(decision.history(),
                new AccountState(decision.current(), decision.wealth(), task.config().capital()), observation);
        task.normaliser().apply(observation);
        agent.act(observation, false, action);
        task.actions().toWeights(action, out);
    }
}
