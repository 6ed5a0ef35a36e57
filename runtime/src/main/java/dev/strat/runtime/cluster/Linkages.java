package dev.strat.runtime.cluster;

/**
 * Agglomerative hierarchical clustering that reproduces
 * {@code scipy.cluster.hierarchy.linkage(squareform(dist), method, optimal_ordering)} exactly:
 * the same algorithms (a minimum spanning tree for single linkage, the nearest-neighbour chain for
 * average, complete and Ward), the same stable sort of the merges by height, the same union-find
 * relabelling (smaller cluster id on the left), and the same tie breaking; with
 * {@code optimalOrdering} the Bar-Joseph et al. (2001) optimal leaf ordering exactly as scipy's
 * {@code _optimal_leaf_ordering.pyx} computes it (single-precision path costs included).
 *
 * <p>An instance keeps scratch space and refills a {@link Dendrogram} in place, so an allocator
 * clusters without allocating once the sizes have been seen. Not thread-safe.
 */
public final class Linkages {

    private static final double INF = Double.POSITIVE_INFINITY;

    private int capacity = -1;
    private double[] d;          // condensed distances being updated
    private double[] nearest;    // MST: distance of each point to the tree
    private int[] sizes;
    private int[] chain;
    private boolean[] merged;
    private int[] rowX, rowY;
    private double[] rowH;
    private int[] perm;
    private int[] parent, ufSize;
    private final OptimalLeafOrder olo = new OptimalLeafOrder();

    /** Clusters {@code dist} (n x n, row-major, upper triangle read) into a new dendrogram. */
    public static Dendrogram linkage(double[] dist, int n, Linkage method, boolean optimalOrdering) {
        Dendrogram out = new Dendrogram();
        new Linkages().linkage(dist, n, method, optimalOrdering, out);
        return out;
    }

    /**
     * Clusters {@code dist} into {@code out}. Only the upper triangle {@code dist[i * n + j], i < j}
     * is read, as scipy's {@code squareform(..., checks=False)} does.
     *
     * @throws IllegalArgumentException when a distance is not finite (scipy raises too)
     */
    public void linkage(double[] dist, int n, Linkage method, boolean optimalOrdering, Dendrogram out) {
        if (n < 1) throw new IllegalArgumentException("linkage needs at least one observation");
        ensure(n);
        out.resize(n);
        if (n == 1) return;
        int c = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = dist[i * n + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("the distance matrix must contain only finite values (entry "
                            + i + "," + j + " is " + v + ")");
                }
                d[c++] = v;
            }
        }
        if (method == Linkage.SINGLE) mstSingle(n);
        else nnChain(n, method);
        sortAndLabel(n, out);
        if (optimalOrdering && n > 2) olo.apply(out, dist, n);
    }

    private void ensure(int n) {
        if (n <= capacity) return;
        capacity = n;
        d = new double[Math.max(1, n * (n - 1) / 2)];
        nearest = new double[n];
        sizes = new int[n];
        chain = new int[n];
        merged = new boolean[n];
        rowX = new int[n];
        rowY = new int[n];
        rowH = new double[n];
        perm = new int[n];
        parent = new int[2 * n];
        ufSize = new int[2 * n];
    }

    /** scipy's condensed index of (i, j), i != j. */
    private static int ci(int n, int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return n * i - (i * (i + 1) / 2) + (j - i - 1);
    }

    /** scipy's {@code mst_single_linkage}. */
    private void mstSingle(int n) {
        java.util.Arrays.fill(merged, 0, n, false);
        java.util.Arrays.fill(nearest, 0, n, INF);
        int x = 0, y = 0;
        for (int k = 0; k < n - 1; k++) {
            double currentMin = INF;
            merged[x] = true;
            for (int i = 0; i < n; i++) {
                if (merged[i]) continue;
                double dist = d[ci(n, x, i)];
                if (nearest[i] > dist) nearest[i] = dist;
                if (nearest[i] < currentMin) {
                    y = i;
                    currentMin = nearest[i];
                }
            }
            rowX[k] = x;
            rowY[k] = y;
            rowH[k] = currentMin;
            x = y;
        }
    }

    /** scipy's {@code nn_chain} with the Lance-Williams update of {@code method}. */
    private void nnChain(int n, Linkage method) {
        java.util.Arrays.fill(sizes, 0, n, 1);
        int chainLength = 0;
        int y = 0;
        for (int k = 0; k < n - 1; k++) {
            if (chainLength == 0) {
                chainLength = 1;
                for (int i = 0; i < n; i++) {
                    if (sizes[i] > 0) {
                        chain[0] = i;
                        break;
                    }
                }
            }
            int x;
            double currentMin;
            while (true) {
                x = chain[chainLength - 1];
                // prefer the previous element of the chain as the minimum, to avoid cycles
                if (chainLength > 1) {
                    y = chain[chainLength - 2];
                    currentMin = d[ci(n, x, y)];
                } else {
                    currentMin = INF;
                }
                for (int i = 0; i < n; i++) {
                    if (sizes[i] == 0 || x == i) continue;
                    double dist = d[ci(n, x, i)];
                    if (dist < currentMin) {
                        currentMin = dist;
                        y = i;
                    }
                }
                if (chainLength > 1 && y == chain[chainLength - 2]) break;
                chain[chainLength++] = y;
            }
            chainLength -= 2;
            if (x > y) {
                int t = x;
                x = y;
                y = t;
            }
            int nx = sizes[x], ny = sizes[y];
            rowX[k] = x;
            rowY[k] = y;
            rowH[k] = currentMin;
            sizes[x] = 0;
            sizes[y] = nx + ny;
            for (int i = 0; i < n; i++) {
                int ni = sizes[i];
                if (ni == 0 || i == y) continue;
                int ix = ci(n, i, x), iy = ci(n, i, y);
                d[iy] = update(method, d[ix], d[iy], currentMin, nx, ny, ni);
            }
        }
    }

    /** The distance update functions of scipy's {@code _hierarchy_distance_update.pxi}. */
    private static double update(Linkage method, double dxi, double dyi, double dxy, int sx, int sy, int si) {
        switch (method) {
            case COMPLETE:
                return Math.max(dxi, dyi);
            case AVERAGE:
                return (sx * dxi + sy * dyi) / (sx + sy);
            case WARD: {
                double t = 1.0 / (sx + sy + si);
                return Math.sqrt((si + sx) * t * dxi * dxi + (si + sy) * t * dyi * dyi - si * t * dxy * dxy);
            }
            default:
                return Math.min(dxi, dyi);
        }
    }

    /** Stable sort of the merges by height (numpy's mergesort) and scipy's union-find {@code label}. */
    private void sortAndLabel(int n, Dendrogram out) {
        int rows = n - 1;
        for (int i = 0; i < rows; i++) perm[i] = i;
        for (int i = 1; i < rows; i++) {             // insertion sort: stable
            int p = perm[i];
            double h = rowH[p];
            int j = i - 1;
            while (j >= 0 && rowH[perm[j]] > h) {
                perm[j + 1] = perm[j];
                j--;
            }
            perm[j + 1] = p;
        }
        for (int i = 0; i < 2 * n - 1; i++) {
            parent[i] = i;
            ufSize[i] = 1;
        }
        int next = n;
        for (int r = 0; r < rows; r++) {
            int p = perm[r];
            int xr = find(rowX[p]), yr = find(rowY[p]);
            out.left[r] = Math.min(xr, yr);
            out.right[r] = Math.max(xr, yr);
            out.height[r] = rowH[p];
            parent[xr] = next;
            parent[yr] = next;
            int s = ufSize[xr] + ufSize[yr];
            ufSize[next] = s;
            out.size[r] = s;
            next++;
        }
    }

    private int find(int x) {
        int p = x;
        while (parent[x] != x) x = parent[x];
        while (parent[p] != x) {
            int q = parent[p];
            parent[p] = x;
            p = q;
        }
        return x;
    }
}
