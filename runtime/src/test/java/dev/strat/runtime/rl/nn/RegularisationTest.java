package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Dropout and batch norm against hand computations. */
class RegularisationTest {

    private static NDManager root;

    @BeforeAll
    static void start() {
        root = NnFixture.root();
    }

    @AfterAll
    static void stop() {
        root.close();
    }

    @Test
    void dropoutInEvalIsTheIdentity() {
        Dropout dropout = new Dropout(5, 0.4);
        try (NDManager scope = root.newSubManager()) {
            NDArray x = scope.create(NnFixture.randoms(10, 1), new Shape(2, 5));
            assertSame(x, dropout.forward(x, Mode.EVAL));
        }
    }

    @Test
    void dropoutZeroesAboutPAndScalesTheRest() {
        double p = 0.3;
        int n = 20_000;
        Dropout dropout = new Dropout(n / 2, p);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = 1 + (i % 7);
        float[] y;
        try (NDManager scope = root.newSubManager()) {
            y = dropout.forward(scope.create(x, new Shape(2, n / 2)), Mode.train(new SplittableRandom(4))).toFloatArray();
        }
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            if (y[i] == 0) {
                zeros++;
            } else {
                assertEquals(x[i] / (1 - p), y[i], 1e-5, "survivor " + i + " scaled by 1/(1-p)");
            }
        }
        // Binomial(20000, 0.3): standard deviation about 65, so +- 400 is far outside chance.
        assertEquals(p * n, zeros, 400, "dropped units");
        // The mask is the Mode stream's: the first draw decides unit 0.
        boolean firstDropped = new SplittableRandom(4).nextDouble() < p;
        assertEquals(firstDropped, y[0] == 0);
    }

    @Test
    void dropoutInTrainingNeedsAStream() {
        Dropout dropout = new Dropout(2, 0.5);
        try (NDManager scope = root.newSubManager()) {
            NDArray x = scope.create(new float[] {1, 2}, new Shape(1, 2));
            assertThrows(IllegalStateException.class, () -> dropout.forward(x, new Mode(true, null)));
        }
    }

    @Test
    void batchNormTrainsOnBatchStatisticsAndInfersOnRunningOnes() {
        BatchNorm bn = new BatchNorm(root, "bn", 2);
        // Two features over four rows.
        float[] x = {1, 10, 2, 20, 3, 30, 6, 0};
        double[] mean = {3, 15};
        double[] biased = new double[2];
        double[] unbiased = new double[2];
        for (int f = 0; f < 2; f++) {
            double s = 0;
            for (int r = 0; r < 4; r++) s += Math.pow(x[r * 2 + f] - mean[f], 2);
            biased[f] = s / 4;
            unbiased[f] = s / 3;
        }
        float[] trained;
        try (NDManager scope = root.newSubManager()) {
            trained = bn.forward(scope.create(x, new Shape(4, 2)), Mode.train(new SplittableRandom(1))).toFloatArray();
        }
        for (int r = 0; r < 4; r++) {
            for (int f = 0; f < 2; f++) {
                double expected = (x[r * 2 + f] - mean[f]) / Math.sqrt(biased[f] + 1e-5);
                assertEquals(expected, trained[r * 2 + f], 1e-4, "training output uses batch statistics");
            }
        }
        float[] runningMean = bn.states().get(0).value().toFloatArray();
        float[] runningVar = bn.states().get(1).value().toFloatArray();
        for (int f = 0; f < 2; f++) {
            assertEquals(0.1 * mean[f], runningMean[f], 1e-4, "running mean moves 0.1 of the way");
            assertEquals(0.9 + 0.1 * unbiased[f], runningVar[f], 1e-3, "running variance (unbiased) moves 0.1 of the way");
        }
        // Inference: the running statistics, a learnt scale and shift, and no update of the statistics.
        bn.parameters().get(0).value().set(new float[] {2, 0.5f});
        bn.parameters().get(1).value().set(new float[] {1, -1});
        float[] row = {4, 5};
        float[] eval;
        try (NDManager scope = root.newSubManager()) {
            eval = bn.forward(scope.create(row, new Shape(1, 2)), Mode.EVAL).toFloatArray();
        }
        double[] gamma = {2, 0.5};
        double[] beta = {1, -1};
        for (int f = 0; f < 2; f++) {
            double expected = gamma[f] * (row[f] - runningMean[f]) / Math.sqrt(runningVar[f] + 1e-5) + beta[f];
            assertEquals(expected, eval[f], 1e-4, "eval output uses running statistics");
        }
        assertArrayEquals(runningMean, bn.states().get(0).value().toFloatArray(), "eval leaves running statistics alone");
    }
}
