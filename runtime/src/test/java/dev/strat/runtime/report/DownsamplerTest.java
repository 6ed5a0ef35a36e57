package dev.strat.runtime.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownsamplerTest {

    @Test
    void keepsFirstLastMinAndMax() {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] y = new double[10_000];
        for (int i = 1; i < y.length; i++) y[i] = y[i - 1] + rnd.nextDouble(-1, 1);
        y[4321] = -1_000; // a crash lasting one bar must survive thinning
        y[8765] = 1_000;
        int[] keep = Downsampler.minMaxIndices(y, 1500);
        assertTrue(keep.length <= 1500, "kept " + keep.length);
        assertTrue(keep.length > 1000, "kept " + keep.length);
        assertEquals(0, keep[0]);
        assertEquals(y.length - 1, keep[keep.length - 1]);
        for (int i = 1; i < keep.length; i++) assertTrue(keep[i] > keep[i - 1], "strictly increasing at " + i);
        assertTrue(Arrays.stream(keep).anyMatch(i -> i == 4321), "minimum kept");
        assertTrue(Arrays.stream(keep).anyMatch(i -> i == 8765), "maximum kept");
    }

    @Test
    void keepsEveryBucketExtreme() {
        double[] y = new double[1000];
        for (int i = 0; i < y.length; i++) y[i] = Math.sin(i * 0.37) * (i % 7);
        int[] keep = Downsampler.minMaxIndices(y, 100);
        // Thinned min and max equal the series' own.
        double min = Arrays.stream(keep).mapToDouble(i -> y[i]).min().orElseThrow();
        double max = Arrays.stream(keep).mapToDouble(i -> y[i]).max().orElseThrow();
        assertEquals(Arrays.stream(y).min().orElseThrow(), min);
        assertEquals(Arrays.stream(y).max().orElseThrow(), max);
    }

    @Test
    void shortSeriesAreKeptWhole() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Downsampler.minMaxIndices(new double[5], 1500));
    }

    @Test
    void nanValuesAreSkipped() {
        double[] y = new double[100];
        Arrays.fill(y, 1.0);
        Arrays.fill(y, 10, 60, Double.NaN);
        int[] keep = Downsampler.minMaxIndices(y, 10);
        for (int i : keep) assertFalse(Double.isNaN(y[i]), "kept NaN at " + i);
    }

    @Test
    void bucketMeansPreserveRowSums() {
        int rows = 1003, cols = 4;
        double[] m = Synthetic.weights(rows, cols - 1, 5);
        double[] means = Downsampler.bucketMeans(m, cols, 100);
        assertEquals(100 * cols, means.length);
        for (int b = 0; b < 100; b++) {
            double sum = 0;
            for (int c = 0; c < cols; c++) sum += means[b * cols + c];
            assertEquals(1.0, sum, 1e-12, "bucket " + b);
        }
        int[] starts = Downsampler.bucketStarts(rows, 100);
        assertEquals(0, starts[0]);
        // Bucket 0 is the mean of rows starts[0] .. starts[1]-1.
        double expected = 0;
        for (int r = starts[0]; r < starts[1]; r++) expected += m[r * cols + 2];
        assertEquals(expected / (starts[1] - starts[0]), means[2], 1e-12);
        assertArrayEquals(m, Downsampler.bucketMeans(m, cols, 5000), "no thinning below the limit");
    }
}
