package dev.strat.runtime.rl.algo;

import dev.strat.runtime.rl.ActionSpace;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RolloutBufferTest {

    private static final double GAMMA = 0.9;
    private static final double LAMBDA = 0.8;

    /**
     * Four steps: steps 0-1 form an episode that ends terminally, step 2 is an episode cut off
     * by a time limit (bootstrapped from V(next) = 2.5), step 3 is unfinished when the rollout
     * ends (bootstrapped from the last value 4.0).
     */
    @Test
    void gaeMatchesHandComputationWithTerminalAndTruncation() {
        double[] r = {1.0, -0.5, 0.25, 2.0};
        double[] v = {0.3, 0.7, -0.2, 1.1};
        double truncationValue = 2.5;
        double lastValue = 4.0;
        RolloutBuffer b = new RolloutBuffer(4, 1, new ActionSpace.Continuous(1));
        float[] o = {0};
        b.add(o, o, r[0], v[0], 0, false, 0);
        b.add(o, o, r[1], v[1], 0, true, 0);
        b.add(o, o, r[2], v[2], 0, true, truncationValue);
        b.add(o, o, r[3], v[3], 0, false, 0);
        b.computeAdvantages(lastValue, GAMMA, LAMBDA);

        // Episode 1: no value after the terminal step.
        double a1 = r[1] - v[1];
        double a0 = (r[0] + GAMMA * v[1] - v[0]) + GAMMA * LAMBDA * a1;
        // Episode 2: SB3 adds gamma * V(terminal observation) to the truncated step's reward.
        double a2 = r[2] + GAMMA * truncationValue - v[2];
        // Episode 3: cut by the rollout's end, bootstrapped from V(next observation).
        double a3 = r[3] + GAMMA * lastValue - v[3];
        double[] expected = {a0, a1, a2, a3};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], b.advantage(i), 1e-12, "advantage " + i);
            assertEquals(expected[i] + v[i], b.returnOf(i), 1e-12, "return " + i);
        }
    }

    @Test
    void lambdaOneGivesDiscountedReturnsBootstrappedFromTheLastValue() {
        RolloutBuffer b = new RolloutBuffer(3, 1, new ActionSpace.Continuous(1));
        float[] o = {0};
        b.add(o, o, 1, 0.5, 0, false, 0);
        b.add(o, o, 2, 0.1, 0, false, 0);
        b.add(o, o, 3, -0.4, 0, false, 0);
        b.computeAdvantages(10, 0.5, 1.0);
        assertEquals(1 + 0.5 * 2 + 0.25 * 3 + 0.125 * 10, b.returnOf(0), 1e-12);
        assertEquals(2 + 0.5 * 3 + 0.25 * 10, b.returnOf(1), 1e-12);
        assertEquals(3 + 0.5 * 10, b.returnOf(2), 1e-12);
    }

    @Test
    void minibatchStandardisesAdvantagesAndEncodesDiscreteActionsOneHot() {
        RolloutBuffer b = new RolloutBuffer(3, 2, new ActionSpace.Discrete(3));
        b.add(new float[]{1, 2}, new float[]{2}, 1, 0, -0.5, false, 0);
        b.add(new float[]{3, 4}, new float[]{0}, 0, 0, -1.5, false, 0);
        b.add(new float[]{5, 6}, new float[]{1}, 0, 0, -2.5, true, 0);
        b.computeAdvantages(0, 1, 1);
        double[] adv = {b.advantage(0), b.advantage(1), b.advantage(2)};
        double mean = (adv[0] + adv[1] + adv[2]) / 3;
        double var = 0;
        for (double a : adv) var += (a - mean) * (a - mean);
        double std = Math.sqrt(var / 2); // Bessel's correction, as torch.std
        OnPolicyBatch batch = b.batch(new int[]{2, 0, 1}, 0, 3, true);
        assertEquals(2 + 3 + 3, batch.width());
        float[] row0 = java.util.Arrays.copyOfRange(batch.data(), 0, 8);
        assertArrayEquals(new float[]{5, 6, 0, 1, 0, -2.5f, (float) ((adv[2] - mean) / (std + 1e-8)), (float) b.returnOf(2)}, row0, 1e-6f);
        float[] row1 = java.util.Arrays.copyOfRange(batch.data(), 8, 16);
        assertArrayEquals(new float[]{1, 2, 0, 0, 1, -0.5f, (float) ((adv[0] - mean) / (std + 1e-8)), (float) b.returnOf(0)}, row1, 1e-6f);
    }

    @Test
    void permutationIsAShuffleFromTheStream() {
        RolloutBuffer b = new RolloutBuffer(50, 1, new ActionSpace.Continuous(1));
        for (int i = 0; i < 50; i++) b.add(new float[]{i}, new float[]{0}, 0, 0, 0, false, 0);
        int[] p = b.permutation(new SplittableRandom(1));
        assertArrayEquals(p, b.permutation(new SplittableRandom(1)));
        int[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) assertEquals(i, sorted[i]);
        assertEquals(false, java.util.Arrays.equals(p, sorted));
    }
}
