package dev.strat.runtime.rl.switching;

import dev.strat.runtime.backtest.Accounting;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.MarketStep;
import dev.strat.runtime.compose.PoolTape;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.pipeline.ReportSink;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.rl.ActionSpace;
import dev.strat.runtime.rl.Env;
import dev.strat.runtime.rl.EnvSpec;
import dev.strat.runtime.rl.portfolio.ActionMap;
import dev.strat.runtime.rl.portfolio.Normaliser;

import java.util.Arrays;
import java.util.Objects;

/**
 * The high-level environment of a learned switch or blend: one step is one decision, which holds
 * for {@code every} bars. The members are not re-run: their proposals and shadow wealth come from
 * a {@link PoolTape}, and the real account is replayed over it with {@link MarketStep} (the
 * backtest's own arithmetic, the run's cost model and seed), executing what the
 * {@link dev.strat.runtime.compose.Switch} or {@link dev.strat.runtime.compose.Blend} would:
 * the chosen member's proposal at every bar, or the weighted sum of the members' tidied proposals;
 * a {@link dev.strat.runtime.compose.NoTrade} member executes the real account's drifted weights.
 * So the same action sequence gives the same account path as a backtest of the composite.
 *
 * <h2>Reward</h2>
 * The real account's log growth over the decision's bars (after costs), plus {@code holdBonus}
 * times the weight on no_trade members (1 when a switch chose one) when every asset's close fell
 * over those bars: the paper's bonus, "given only when all assets have gone down and the recent
 * action was hold" (its formula was lost; the bonus is a parameter, default 0).
 *
 * <p>Every episode replays the same bars: the episode seed is ignored, because the account's cost
 * stream must be the recorded run's. The episode is truncated (not terminal) at the end of the tape.
 */
public final class PoolSwitchEnv implements Env {

    private final PoolTape tape;
    private final MarketData market;
    private final BacktestConfig config;
    private final long seed;
    private final int every;
    private final double holdBonus;
    private final ActionMap blendMap;
    private final Normaliser normaliser;
    private final PoolState state;
    private final EnvSpec spec;
    private final int m;
    private final int n;
    private final MarketStep account;
    private final double[] weights;
    private final double[] target;
    private final double[] member;
    private final double[] previous;
    private int done;

    /**
     * @param blendMap   null for a switch (a discrete choice among the members); for a blend, the
     *                   map from the continuous action (one value per member) to member weights
     * @param normaliser applied to every state; {@link Normaliser#identity} to read raw states
     * @param seed       the recorded run's seed: the account's cost stream derives from it
     */
    public PoolSwitchEnv(PoolTape tape, MarketData market, BacktestConfig config, long seed, int every, int lookback,
                         double holdBonus, ActionMap blendMap, Normaliser normaliser) {
        this.tape = Objects.requireNonNull(tape, "tape");
        this.market = Objects.requireNonNull(market, "market");
        this.config = Objects.requireNonNull(config, "config");
        if (every < 1) throw new IllegalArgumentException("every must be >= 1, got " + every);
        this.seed = seed;
        this.every = every;
        this.holdBonus = holdBonus;
        this.blendMap = blendMap;
        this.m = tape.members();
        this.n = tape.assets();
        this.state = new PoolState(m, lookback);
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        if (normaliser.size() != state.size()) {
            throw new IllegalArgumentException("normaliser has " + normaliser.size() + " values, the state " + state.size());
        }
        ActionSpace space = blendMap == null ? new ActionSpace.Discrete(m) : blendMap.space(m - 1);
        this.spec = new EnvSpec(state.layout(), space, decisions());
        this.account = new MarketStep(market, config);
        this.weights = new double[m];
        this.target = new double[n + 1];
        this.member = new double[n + 1];
        this.previous = new double[m];
    }

    /** Decisions in one episode. */
    public int decisions() {
        return (tape.steps() + every - 1) / every;
    }

    @Override
    public EnvSpec spec() { return spec; }

    /** The real account's wealth now. */
    public double wealth() { return account.wealth(); }

    /** The real account, for tests that compare its path: a live view. */
    public MarketStep account() { return account; }

    @Override
    public void reset(long episodeSeed, float[] observation) {
        RunSetup setup = new RunSetup(market.symbols(), market.frequency(), seed, tape.firstBar(), tape.lastBar(), ReportSink.NONE, config);
        account.reset(setup);
        // the backtest's warm-up steps: no decision, the account stays in cash
        Arrays.fill(target, 0.0);
        target[n] = 1.0;
        for (int step = 0; step < tape.firstActive(); step++) account.step(step, tape.firstBar() + step, target);
        done = 0;
        Arrays.fill(previous, 0.0);
        observe(observation);
    }

    @Override
    public Step step(float[] action, float[] observation) {
        if (done >= tape.steps()) throw new IllegalStateException("step after the end of the episode; reset first");
        weigh(action);
        double before = account.wealth();
        int start = done;
        int end = Math.min(tape.steps(), done + every);
        for (int a = start; a < end; a++) {
            int step = tape.firstActive() + a;
            execute(a);
            account.step(step, tape.firstBar() + step, target);
        }
        done = end;
        double reward = Math.log(account.wealth() / before);
        double hold = 0;
        for (int k = 0; k < m; k++) if (tape.holds(k)) hold += weights[k];
        if (hold > 0 && holdBonus != 0 && allFell(tape.firstBar() + tape.firstActive() + start, tape.firstBar() + tape.firstActive() + end)) {
            reward += holdBonus * hold;
        }
        System.arraycopy(weights, 0, previous, 0, m);
        observe(observation);
        return new Step(reward, false, done >= tape.steps());
    }

    /** The member weights of an action: one-hot for a switch, the blend map's for a blend. */
    private void weigh(float[] action) {
        if (blendMap == null) {
            int k = (int) action[0];
            if (k < 0 || k >= m) throw new IllegalArgumentException("action " + action[0] + " is not a member index 0.." + (m - 1));
            Arrays.fill(weights, 0.0);
            weights[k] = 1.0;
        } else {
            blendMap.toWeights(action, weights);
            // as Blend's check: a sum off 1 by rounding is normalised away
            double sum = 0;
            for (double w : weights) sum += w;
            if (sum != 1) for (int k = 0; k < m; k++) weights[k] /= sum;
        }
    }

    /** The target at active step {@code a}, as the composite writes it and the backtest tidies it. */
    private void execute(int a) {
        if (blendMap == null) {
            int k = 0;
            while (weights[k] == 0) k++;
            if (tape.holds(k)) System.arraycopy(account.drifted(), 0, target, 0, n + 1);
            else tape.proposal(a, k, target);
        } else {
            // as Blend.write: the weighted sum of the members' tidied proposals
            Arrays.fill(target, 0.0);
            for (int k = 0; k < m; k++) {
                double w = weights[k];
                if (w == 0) continue;
                if (tape.holds(k)) {
                    System.arraycopy(account.drifted(), 0, member, 0, n + 1);
                } else {
                    tape.proposal(a, k, member);
                    tidy(member);
                }
                for (int j = 0; j <= n; j++) target[j] += w * member[j];
            }
        }
        tidy(target);
    }

    private void tidy(double[] w) {
        String problem = Accounting.tidy(w, n, market.symbols());
        if (problem != null) throw new IllegalStateException("a pool member proposed " + problem);
    }

    /** True when every asset's close at bar {@code to} is below its close at bar {@code from}. */
    private boolean allFell(int from, int to) {
        for (int i = 0; i < n; i++) if (!(market.close(to, i) < market.close(from, i))) return false;
        return true;
    }

    private void observe(float[] observation) {
        final int points = done;
        state.write(points, (k, lag) -> tape.wealth(k, points - lag), previous, observation);
        normaliser.apply(observation);
    }

    /**
     * Fits the normaliser on this tape's states at every decision, the previous decision left at
     * zero (it is not known before a policy exists): those entries are only centred, with std 1.
     */
    public static Normaliser fit(PoolTape tape, int every, int lookback) {
        PoolState state = new PoolState(tape.members(), lookback);
        float[] obs = new float[state.size()];
        double[] none = new double[tape.members()];
        double[] mean = new double[obs.length];
        double[] m2 = new double[obs.length];
        int count = 0;
        for (int d = 0; d < tape.steps(); d += every) {
            final int points = d;
            state.write(points, (k, lag) -> tape.wealth(k, points - lag), none, obs);
            count++;
            for (int j = 0; j < obs.length; j++) {
                double x = obs[j];
                double delta = x - mean[j];
                mean[j] += delta / count;
                m2[j] += delta * (x - mean[j]);
            }
        }
        return Normaliser.fromMoments(mean, m2, count);
    }
}
