package dev.strat.runtime.rl.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Java matrix products against a plain triple loop, on shapes that exercise every tile and tail. */
class HostGemmTest {

    private static float[] random(int n, SplittableRandom r) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextDouble() * 2 - 1);
        return a;
    }

    @Test
    void productsMatchAPlainLoopOnEveryTileAndTail() {
        SplittableRandom r = new SplittableRandom(5);
        int[][] shapes = {{1, 1, 1}, {4, 32, 3}, {7, 37, 5}, {100, 64, 67}, {9, 6, 64}, {67, 1, 100}, {5, 70, 0}, {13, 129, 17}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            for (boolean transposed : new boolean[] {false, true}) {
                for (boolean add : new boolean[] {false, true}) {
                    // offsets and strides wider than the matrices, as the networks' storage has them
                    int ao = 3;
                    int lda = (transposed ? m : k) + 2;
                    int bo = 5;
                    int ldb = n + 1;
                    int co = 1;
                    int ldc = n + 3;
                    float[] a = random(ao + (transposed ? k : m) * lda, r);
                    float[] b = random(bo + k * ldb, r);
                    float[] c = random(co + m * ldc, r);
                    float[] expected = c.clone();
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            float sum = add ? c[co + i * ldc + j] : 0f;
                            for (int p = 0; p < k; p++) {
                                float x = transposed ? a[ao + p * lda + i] : a[ao + i * lda + p];
                                sum = Math.fma(x, b[bo + p * ldb + j], sum);
                            }
                            expected[co + i * ldc + j] = sum;
                        }
                    }
                    if (transposed) HostGemm.tn(m, n, k, a, ao, lda, b, bo, ldb, c, co, ldc, add);
                    else HostGemm.nn(m, n, k, a, ao, lda, b, bo, ldb, c, co, ldc, add);
                    // the same fused chain in the same order: equal to the last bit, padding untouched
                    for (int q = 0; q < c.length; q++) {
                        assertEquals(expected[q], c[q], 0f, "shape " + m + "x" + n + "x" + k + (transposed ? " tn" : " nn") + (add ? " add" : "") + " at " + q);
                    }
                }
            }
        }
    }
}
