package dev.strat.runtime.cluster;

/**
 * Optimal leaf ordering (Z. Bar-Joseph, D. K. Gifford, T. S. Jaakkola, "Fast optimal leaf
 * ordering for hierarchical clustering", Bioinformatics 17, 2001) as a line-by-line port of scipy's
 * {@code _optimal_leaf_ordering.pyx}: it flips the children of merges so that the sum of distances
 * between adjacent leaves is minimal, without changing the tree. scipy keeps the path costs in
 * single precision and prunes with a sorted scan; both are reproduced (float arithmetic where
 * scipy's is float, the same quicksort) so that ties resolve as scipy resolves them.
 */
final class OptimalLeafOrder {

    private static final float BIG = 1073741824f; // 2^30, scipy's initial minimum

    private int capacity = -1;
    private float[] m;            // n x n path costs
    private byte[] swapL, swapR;  // n x n swap status
    private double[] sortedD;     // n x n distances in leaf order
    private int[] sortedLeft, sortedRight;
    private int[] rangeLo, rangeHi;
    private int[] mustSwap, parity, leaves, position;
    private float[] mVals, kVals;
    private int[] mIdx, kIdx;
    private final int[] uClusters = new int[2], mClusters = new int[2], wClusters = new int[2], kClusters = new int[2];

    void apply(Dendrogram z, double[] dist, int n) {
        ensure(n);
        int rows = n - 1;
        z.leafOrder(leaves);
        for (int i = 0; i < n; i++) position[leaves[i]] = i;
        for (int r = 0; r < rows; r++) {
            int l = z.left[r], rr = z.right[r];
            sortedLeft[r] = l < n ? position[l] : l;
            sortedRight[r] = rr < n ? position[rr] : rr;
        }
        // squareform of the condensed (upper-triangle) distances, permuted to leaf order
        for (int a = 0; a < n; a++) {
            int i = leaves[a];
            for (int b = 0; b < n; b++) {
                int j = leaves[b];
                sortedD[a * n + b] = i == j ? 0.0 : (i < j ? dist[i * n + j] : dist[j * n + i]);
            }
        }
        for (int i = 0; i < n; i++) {
            rangeLo[i] = i;
            rangeHi[i] = i + 1;
        }
        for (int r = 0; r < rows; r++) {
            rangeLo[n + r] = rangeLo[sortedLeft[r]];
            rangeHi[n + r] = rangeHi[sortedRight[r]];
        }
        identifySwaps(n);
        // a node's children are exchanged when an odd number of it and its ancestors must swap
        parity[rows - 1] = mustSwap[rows - 1];
        for (int r = rows - 1; r >= 0; r--) {
            int l = sortedLeft[r], rr = sortedRight[r];
            if (l >= n) parity[l - n] = parity[r] ^ mustSwap[l - n];
            if (rr >= n) parity[rr - n] = parity[r] ^ mustSwap[rr - n];
        }
        for (int r = 0; r < rows; r++) {
            if (parity[r] != 0) {
                int t = z.left[r];
                z.left[r] = z.right[r];
                z.right[r] = t;
            }
        }
    }

    private void ensure(int n) {
        if (n <= capacity) return;
        capacity = n;
        m = new float[n * n];
        swapL = new byte[n * n];
        swapR = new byte[n * n];
        sortedD = new double[n * n];
        sortedLeft = new int[n];
        sortedRight = new int[n];
        rangeLo = new int[2 * n];
        rangeHi = new int[2 * n];
        mustSwap = new int[n];
        parity = new int[n];
        leaves = new int[n];
        position = new int[n];
        mVals = new float[n];
        kVals = new float[n];
        mIdx = new int[n];
        kIdx = new int[n];
    }

    private void identifySwaps(int n) {
        java.util.Arrays.fill(m, 0, n * n, 0f);
        java.util.Arrays.fill(mustSwap, 0, n, 0);
        int bestU = 0, bestW = 0;
        for (int i = 0; i < n - 1; i++) {
            int vl = sortedLeft[i], vr = sortedRight[i];
            int totalU, totalW;
            if (vl < n) {
                totalU = 1;
                uClusters[0] = vl;
                mClusters[0] = vl;
            } else {
                totalU = 2;
                uClusters[0] = sortedLeft[vl - n];
                mClusters[0] = sortedRight[vl - n];
                uClusters[1] = sortedRight[vl - n];
                mClusters[1] = sortedLeft[vl - n];
            }
            if (vr < n) {
                totalW = 1;
                wClusters[0] = vr;
                kClusters[0] = vr;
            } else {
                totalW = 2;
                wClusters[0] = sortedRight[vr - n];
                wClusters[1] = sortedLeft[vr - n];
                kClusters[0] = sortedLeft[vr - n];
                kClusters[1] = sortedRight[vr - n];
            }
            for (int sl = 0; sl < totalU; sl++) {
                for (int sr = 0; sr < totalW; sr++) {
                    int uMin = rangeLo[uClusters[sl]], uMax = rangeHi[uClusters[sl]];
                    int mMin = rangeLo[mClusters[sl]], mMax = rangeHi[mClusters[sl]];
                    int wMin = rangeLo[wClusters[sr]], wMax = rangeHi[wClusters[sr]];
                    int kMin = rangeLo[kClusters[sr]], kMax = rangeHi[kClusters[sr]];
                    float minKm = BIG;
                    for (int mm = mMin; mm < mMax; mm++) {
                        for (int k = kMin; k < kMax; k++) {
                            if (sortedD[mm * n + k] < minKm) minKm = (float) sortedD[mm * n + k];
                        }
                    }
                    for (int u = uMin; u < uMax; u++) {
                        sortSlice(n, mVals, mIdx, mMin, mMax, u);
                        for (int w = wMin; w < wMax; w++) {
                            sortSlice(n, kVals, kIdx, kMin, kMax, w);
                            float curMin = BIG;
                            for (int mi = 0; mi < mMax - mMin; mi++) {
                                int mm = mIdx[mi];
                                if (m[u * n + mm] + m[w * n + kIdx[0]] + minKm >= curMin) break;
                                for (int ki = 0; ki < kMax - kMin; ki++) {
                                    int k = kIdx[ki];
                                    if (m[u * n + mm] + m[w * n + k] + minKm >= curMin) break;
                                    float current = (float) ((m[u * n + mm] + m[w * n + k]) + sortedD[mm * n + k]);
                                    if (current < curMin) curMin = current;
                                }
                            }
                            m[u * n + w] = curMin;
                            m[w * n + u] = curMin;
                            swapL[u * n + w] = (byte) sl;
                            swapL[w * n + u] = (byte) sl;
                            swapR[u * n + w] = (byte) sr;
                            swapR[w * n + u] = (byte) sr;
                        }
                    }
                }
            }
            float curMin = BIG;
            for (int u = rangeLo[vl]; u < rangeHi[vl]; u++) {
                for (int w = rangeLo[vr]; w < rangeHi[vr]; w++) {
                    if (m[u * n + w] < curMin) {
                        curMin = m[u * n + w];
                        bestU = u;
                        bestW = w;
                    }
                }
            }
            if (vl >= n) mustSwap[vl - n] = swapL[bestU * n + bestW];
            if (vr >= n) mustSwap[vr - n] = swapR[bestU * n + bestW];
        }
    }

    /** {@code M[lo:hi, col]} with its row indices, sorted by scipy's {@code _simultaneous_sort}. */
    private void sortSlice(int n, float[] vals, int[] idx, int lo, int hi, int col) {
        for (int i = 0; i < hi - lo; i++) {
            vals[i] = m[(lo + i) * n + col];
            idx[i] = lo + i;
        }
        simultaneousSort(vals, idx, 0, hi - lo);
    }

    /** scikit-learn's / scipy's recursive quicksort on {@code dist[off, off+size)}, swapping idx alike. */
    private static void simultaneousSort(float[] dist, int[] idx, int off, int size) {
        if (size <= 1) return;
        if (size == 2) {
            if (dist[off] > dist[off + 1]) swap(dist, idx, off, off + 1);
            return;
        }
        if (size == 3) {
            if (dist[off] > dist[off + 1]) swap(dist, idx, off, off + 1);
            if (dist[off + 1] > dist[off + 2]) {
                swap(dist, idx, off + 1, off + 2);
                if (dist[off] > dist[off + 1]) swap(dist, idx, off, off + 1);
            }
            return;
        }
        int pivotIdx = size / 2;
        if (dist[off] > dist[off + size - 1]) swap(dist, idx, off, off + size - 1);
        if (dist[off + size - 1] > dist[off + pivotIdx]) {
            swap(dist, idx, off + size - 1, off + pivotIdx);
            if (dist[off] > dist[off + size - 1]) swap(dist, idx, off, off + size - 1);
        }
        float pivot = dist[off + size - 1];
        int store = 0;
        for (int i = 0; i < size - 1; i++) {
            if (dist[off + i] < pivot) {
                swap(dist, idx, off + i, off + store);
                store++;
            }
        }
        swap(dist, idx, off + store, off + size - 1);
        pivotIdx = store;
        if (pivotIdx > 1) simultaneousSort(dist, idx, off, pivotIdx);
        if (pivotIdx + 2 < size) simultaneousSort(dist, idx, off + pivotIdx + 1, size - pivotIdx - 1);
    }

    private static void swap(float[] d, int[] idx, int a, int b) {
        float t = d[a];
        d[a] = d[b];
        d[b] = t;
        int u = idx[a];
        idx[a] = idx[b];
        idx[b] = u;
    }
}
