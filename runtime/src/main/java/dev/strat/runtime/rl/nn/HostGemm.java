package dev.strat.runtime.rl.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix products on Java arrays with the (incubating) Vector API, for the
 * small networks whose training is bound by native-call overhead, not arithmetic: at the RL
 * benchmark's small size a PyTorch step is about a hundred calls of a few microseconds each,
 * while the products themselves take microseconds in all.
 *
 * <p>The kernel keeps a tile of 4 rows by 2 vectors of {@code C} in registers and walks the
 * inner dimension once, broadcasting one element of {@code A} per row and loading one row
 * segment of {@code B} per vector: on a 100 x 64 x 64 product it runs at about the single-thread
 * ceiling of MKL's sgemm (measured 105 against 99 GFLOP/s), where a scalar Java loop reached 5.
 * Large products are cut into column panels of {@code B} that stay in the L2 cache.
 *
 * <p>Every element of {@code C} is the fused multiply-add chain over the inner index in
 * increasing order, whatever the vector width or the tile the element falls in: the results are
 * the same on every machine, not only for one seed on one machine.
 *
 * <p>Matrices are row-major in arrays with an offset and a row stride (leading dimension).
 * Only loaded when {@link HostKernels#vectorKernels()} says the module is present.
 */
public final class HostGemm {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Columns of B per panel: 128 floats by up to 641 rows is 328 KB, within a 1 MB L2. */
    private static final int PANEL = 128;

    private HostGemm() {
    }

    /**
     * {@code C (m x n) = A (m x k) B (k x n)}, or {@code C += A B} when {@code add}.
     */
    public static void nn(int m, int n, int k, float[] a, int ao, int lda, float[] b, int bo, int ldb,
                          float[] c, int co, int ldc, boolean add) {
        product(m, n, k, a, ao, lda, 1, b, bo, ldb, c, co, ldc, add);
    }

    /**
     * {@code C (m x n) = A' B} where {@code A} is stored {@code k x m} (row stride {@code lda}),
     * or {@code C += A' B} when {@code add}: a weight gradient {@code X' dY} without transposing.
     */
    public static void tn(int m, int n, int k, float[] a, int ao, int lda, float[] b, int bo, int ldb,
                          float[] c, int co, int ldc, boolean add) {
        product(m, n, k, a, ao, 1, lda, b, bo, ldb, c, co, ldc, add);
    }

    /** Element {@code (i, p)} of {@code A} is {@code a[ao + i * rs + p * ps]}. */
    private static void product(int m, int n, int k, float[] a, int ao, int rs, int ps, float[] b, int bo, int ldb,
                                float[] c, int co, int ldc, boolean add) {
        if (m <= 0 || n <= 0) return;
        // Column panels of B, each swept by every row tile before the next: a panel (k x PANEL)
        // stays in the L2 cache while the whole of a large B would be read from L3 per row tile
        // (measured at 100 x 641 x 400: 36 GFLOP/s unpanelled, 96 panelled).
        for (int j0 = 0; j0 < n; j0 += PANEL) {
            int jn = Math.min(n, j0 + PANEL);
            int i = 0;
            for (; i + 4 <= m; i += 4) {
                int j = j0;
                for (; j + 2 * L <= jn; j += 2 * L) four2(i, j, k, a, ao, rs, ps, b, bo, ldb, c, co, ldc, add);
                for (; j < jn; j += L) four1(i, j, k, a, ao, rs, ps, b, bo, ldb, c, co, ldc, add, S.indexInRange(j, jn));
            }
            for (; i < m; i++) {
                for (int j = j0; j < jn; j += L) one(i, j, k, a, ao, rs, ps, b, bo, ldb, c, co, ldc, add, S.indexInRange(j, jn));
            }
        }
    }

    /** Rows {@code i..i+3}, columns {@code j..j+2L-1}: eight accumulators. */
    private static void four2(int i, int j, int k, float[] a, int ao, int rs, int ps, float[] b, int bo, int ldb,
                              float[] c, int co, int ldc, boolean add) {
        int c0 = co + i * ldc + j;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s00, s01, s10, s11, s20, s21, s30, s31;
        if (add) {
            s00 = FloatVector.fromArray(S, c, c0);
            s01 = FloatVector.fromArray(S, c, c0 + L);
            s10 = FloatVector.fromArray(S, c, c1);
            s11 = FloatVector.fromArray(S, c, c1 + L);
            s20 = FloatVector.fromArray(S, c, c2);
            s21 = FloatVector.fromArray(S, c, c2 + L);
            s30 = FloatVector.fromArray(S, c, c3);
            s31 = FloatVector.fromArray(S, c, c3 + L);
        } else {
            s00 = s01 = s10 = s11 = s20 = s21 = s30 = s31 = FloatVector.zero(S);
        }
        int a0 = ao + i * rs;
        int a1 = a0 + rs;
        int a2 = a1 + rs;
        int a3 = a2 + rs;
        int bj = bo + j;
        for (int p = 0; p < k; p++) {
            int bp = bj + p * ldb;
            FloatVector b0 = FloatVector.fromArray(S, b, bp);
            FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
            int ap = p * ps;
            FloatVector x = FloatVector.broadcast(S, a[a0 + ap]);
            s00 = x.fma(b0, s00);
            s01 = x.fma(b1, s01);
            x = FloatVector.broadcast(S, a[a1 + ap]);
            s10 = x.fma(b0, s10);
            s11 = x.fma(b1, s11);
            x = FloatVector.broadcast(S, a[a2 + ap]);
            s20 = x.fma(b0, s20);
            s21 = x.fma(b1, s21);
            x = FloatVector.broadcast(S, a[a3 + ap]);
            s30 = x.fma(b0, s30);
            s31 = x.fma(b1, s31);
        }
        s00.intoArray(c, c0);
        s01.intoArray(c, c0 + L);
        s10.intoArray(c, c1);
        s11.intoArray(c, c1 + L);
        s20.intoArray(c, c2);
        s21.intoArray(c, c2 + L);
        s30.intoArray(c, c3);
        s31.intoArray(c, c3 + L);
    }

    /** Rows {@code i..i+3}, the (masked) vector of columns from {@code j}. */
    private static void four1(int i, int j, int k, float[] a, int ao, int rs, int ps, float[] b, int bo, int ldb,
                              float[] c, int co, int ldc, boolean add, VectorMask<Float> mask) {
        int c0 = co + i * ldc + j;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        FloatVector s0, s1, s2, s3;
        if (add) {
            s0 = FloatVector.fromArray(S, c, c0, mask);
            s1 = FloatVector.fromArray(S, c, c1, mask);
            s2 = FloatVector.fromArray(S, c, c2, mask);
            s3 = FloatVector.fromArray(S, c, c3, mask);
        } else {
            s0 = s1 = s2 = s3 = FloatVector.zero(S);
        }
        int a0 = ao + i * rs;
        int a1 = a0 + rs;
        int a2 = a1 + rs;
        int a3 = a2 + rs;
        int bj = bo + j;
        for (int p = 0; p < k; p++) {
            FloatVector v = FloatVector.fromArray(S, b, bj + p * ldb, mask);
            int ap = p * ps;
            s0 = FloatVector.broadcast(S, a[a0 + ap]).fma(v, s0);
            s1 = FloatVector.broadcast(S, a[a1 + ap]).fma(v, s1);
            s2 = FloatVector.broadcast(S, a[a2 + ap]).fma(v, s2);
            s3 = FloatVector.broadcast(S, a[a3 + ap]).fma(v, s3);
        }
        s0.intoArray(c, c0, mask);
        s1.intoArray(c, c1, mask);
        s2.intoArray(c, c2, mask);
        s3.intoArray(c, c3, mask);
    }

    /** Row {@code i}, the (masked) vector of columns from {@code j}. */
    private static void one(int i, int j, int k, float[] a, int ao, int rs, int ps, float[] b, int bo, int ldb,
                            float[] c, int co, int ldc, boolean add, VectorMask<Float> mask) {
        int c0 = co + i * ldc + j;
        FloatVector s = add ? FloatVector.fromArray(S, c, c0, mask) : FloatVector.zero(S);
        int a0 = ao + i * rs;
        int bj = bo + j;
        for (int p = 0; p < k; p++) {
            s = FloatVector.broadcast(S, a[a0 + p * ps]).fma(FloatVector.fromArray(S, b, bj + p * ldb, mask), s);
        }
        s.intoArray(c, c0, mask);
    }
}
