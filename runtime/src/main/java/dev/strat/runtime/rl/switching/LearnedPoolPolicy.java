package dev.strat.runtime.rl.switching;

import dev.strat.runtime.compose.SwitchPolicy;
import dev.strat.runtime.compose.TrackRecord;
import dev.strat.runtime.data.History;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.rl.algo.Agent;
import dev.strat.runtime.rl.portfolio.ActionMap;
import dev.strat.runtime.rl.portfolio.ActionMaps;
import dev.strat.runtime.rl.portfolio.Normaliser;

import java.util.Arrays;
import java.util.Objects;

/**
 * A trained agent as the policy of a {@link dev.strat.runtime.compose.Switch} (a discrete choice
 * among the members) or a {@link dev.strat.runtime.compose.Blend} (one continuous value per member,
 * mapped to member weights by {@link #BLEND_MAP}). It reads the {@link PoolState} from the
 * composite's {@link TrackRecord}, normalised as in training, and acts deterministically (the most
 * likely member; the Gaussian's mean). Until {@link LearningPool} has trained it, it refuses to run.
 */
public final class LearnedPoolPolicy implements SwitchPolicy {

    /**
     * A blend's map from the agent's action in {@code [-1, 1]^M} to member weights:
     * {@code softmax(5 a)}, whose weights range over a ratio of up to {@code e^10}, so the agent can
     * put nearly all the weight on one member (the paper's 3.3 normalises the weighted sum of the
     * members' weights; the softmax keeps them non-negative and summing to 1).
     */
    public static final ActionMap BLEND_MAP = ActionMaps.softmax(ActionMaps.HADAPS_SCALE);

    private final String label;
    private final boolean blend;
    private final PoolState state;
    private Agent agent;
    private Normaliser normaliser;
    private float[] obs;
    private float[] action;
    private double[] previous;

    /**
     * @param label  how the policy is written, e.g. {@code ppo(lookback=24)}
     * @param blend  true for a blend's weights, false for a switch's choice
     */
    public LearnedPoolPolicy(String label, boolean blend, int members, int lookback) {
        this.label = Objects.requireNonNull(label, "label");
        this.blend = blend;
        this.state = new PoolState(members, lookback);
    }

    @Override
    public String label() { return label; }

    public boolean blend() { return blend; }

    public int lookback() { return state.lookback(); }

    /** The action map of this policy's agent: null for a switch's discrete choice. */
    public ActionMap blendMap() { return blend ? BLEND_MAP : null; }

    /** Hands the policy its trained agent and the normaliser it was trained with. */
    void install(Agent trained, Normaliser fitted) {
        if (fitted.size() != state.size()) {
            throw new IllegalArgumentException(label + ": normaliser has " + fitted.size() + " values, the state " + state.size());
        }
        this.agent = Objects.requireNonNull(trained);
        this.normaliser = fitted;
        this.obs = new float[state.size()];
        this.action = new float[trained.spec().action().width()];
        this.previous = new double[state.members()];
    }

    boolean trained() { return agent != null; }

    @Override
    public void reset(RunSetup setup, String owner, int members) {
        if (agent == null) throw new IllegalStateException(label + " must be trained before it is backtested");
        if (members != state.members()) {
            throw new IllegalArgumentException(label + " was trained on " + state.members() + " members, the pool has " + members);
        }
        Arrays.fill(previous, 0.0);
    }

    @Override
    public int choose(History history, TrackRecord record) {
        act(record);
        int k = (int) action[0];
        Arrays.fill(previous, 0.0);
        previous[k] = 1.0;
        return k;
    }

    @Override
    public void weigh(History history, TrackRecord record, double[] out) {
        if (!blend) {
            SwitchPolicy.super.weigh(history, record, out);
            return;
        }
        act(record);
        BLEND_MAP.toWeights(action, out);
        System.arraycopy(out, 0, previous, 0, out.length);
    }

    private void act(TrackRecord record) {
        state.write(record.periods(), record::wealth, previous, obs);
        normaliser.apply(obs);
        agent.act(obs, false, action);
    }
}
