package dev.strat.runtime.compose;

import dev.strat.runtime.data.History;

import java.util.Arrays;

/**
 * Chooses the one member a {@link Switch} executes until its next choice. Used in a
 * {@link Blend}, it gives the chosen member all the weight.
 */
public interface SwitchPolicy extends BlendPolicy {

    /** The index of the chosen member, in {@code 0..record.members() - 1}. */
    int choose(History history, TrackRecord record);

    @Override
    default void weigh(History history, TrackRecord record, double[] out) {
        int k = choose(history, record);
        Arrays.fill(out, 0.0);
        out[k] = 1.0;
    }
}
