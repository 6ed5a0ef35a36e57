package dev.strat.runtime.cluster;

import java.util.Arrays;

/**
 * A hierarchical clustering of {@code n} observations in scipy's linkage-matrix form: row
 * {@code i} (0 to n-2) merges clusters {@link #left(int)} and {@link #right(int)} at
 * {@link #height(int)} into cluster {@code n + i} of {@link #size(int)} observations; ids below
 * {@code n} are observations. The queries reproduce scipy.cluster.hierarchy's {@code leaves_list},
 * {@code is_monotonic}, {@code cut_tree}, {@code fcluster(criterion='maxclust')} and
 * {@code to_tree(...).pre_order()}, including their labelling and tie conventions.
 *
 * <p>A dendrogram is mutable so that an allocator can rebuild one in place at every decision
 * ({@link Linkages#linkage(double[], int, Linkage, boolean, Dendrogram)}); its scratch arrays are
 * sized once per capacity.
 */
public final class Dendrogram {

    private int n;
    int[] left = new int[0];
    int[] right = new int[0];
    double[] height = new double[0];
    int[] size = new int[0];
    // scratch for the traversals
    private int[] stack = new int[0];
    private boolean[] visited = new boolean[0];
    private double[] maxDist = new double[0];
    private int[] order = new int[0];
    private int[] queue = new int[0];
    private int[] members = new int[0];

    /** An empty dendrogram; filled by {@link Linkages}. */
    public Dendrogram() {
    }

    /** A dendrogram from scipy's linkage matrix rows {@code {left, right, height, size}}. */
    public static Dendrogram of(double[][] z) {
        Dendrogram d = new Dendrogram();
        d.resize(z.length + 1);
        for (int i = 0; i < z.length; i++) {
            d.left[i] = (int) z[i][0];
            d.right[i] = (int) z[i][1];
            d.height[i] = z[i][2];
            d.size[i] = (int) z[i][3];
        }
        return d;
    }

    /** Makes room for {@code n} observations (reusing the arrays when they are big enough). */
    void resize(int observations) {
        if (observations < 1) throw new IllegalArgumentException("a dendrogram needs at least one observation");
        this.n = observations;
        int rows = Math.max(0, observations - 1);
        if (left.length < rows) {
            left = new int[rows];
            right = new int[rows];
            height = new double[rows];
            size = new int[rows];
        }
        if (stack.length < 2 * observations) {
            stack = new int[2 * observations];
            visited = new boolean[2 * observations];
            maxDist = new double[2 * observations];
            order = new int[2 * observations];
            queue = new int[2 * observations];
            members = new int[2 * observations];
        }
    }

    /** Number of observations (leaves). */
    public int observations() { return n; }

    /** Number of merges, {@code n - 1}. */
    public int rows() { return n - 1; }

    /** First cluster merged by row {@code i} (the smaller id after scipy's relabelling). */
    public int left(int i) { return left[i]; }

    /** Second cluster merged by row {@code i}. */
    public int right(int i) { return right[i]; }

    /** Distance at which row {@code i} merges. */
    public double height(int i) { return height[i]; }

    /** Observations in the cluster formed by row {@code i}. */
    public int size(int i) { return size[i]; }

    /** The rows as scipy's {@code Z} matrix (for tests and reports). */
    public double[][] toMatrix() {
        double[][] z = new double[n - 1][];
        for (int i = 0; i < n - 1; i++) z[i] = new double[] {left[i], right[i], height[i], size[i]};
        return z;
    }

    /** scipy's {@code is_monotonic}: heights never decrease from one row to the next. */
    public boolean isMonotonic() {
        for (int i = 1; i < n - 1; i++) if (!(height[i] >= height[i - 1])) return false;
        return true;
    }

    /** scipy's {@code leaves_list}: the leaves left to right. */
    public int[] leafOrder() {
        int[] out = new int[n];
        leafOrder(out);
        return out;
    }

    /** {@link #leafOrder()} into {@code out} (length >= n). */
    public void leafOrder(int[] out) {
        preOrder(2 * n - 2, out);
    }

    /**
     * The leaves under cluster {@code node} left to right ({@code to_tree(Z, rd=True)[1][node]
     * .pre_order()}), written to {@code out}; returns how many.
     */
    public int preOrder(int node, int[] out) {
        if (node < n) {
            out[0] = node;
            return 1;
        }
        int count = 0, k = 0;
        stack[0] = node;
        while (k >= 0) {
            int id = stack[k--];
            if (id < n) {
                out[count++] = id;
            } else {
                stack[++k] = right[id - n];   // right below left: left comes out first
                stack[++k] = left[id - n];
            }
        }
        return count;
    }

    /** Number of leaves under {@code node}. */
    public int count(int node) {
        return node < n ? 1 : size[node - n];
    }

    /**
     * scipy's {@code cut_tree(Z, n_clusters=k)}: labels 0..k-1 for each observation, written to
     * {@code out}. scipy merges the internal nodes in ascending height, ties in the order its
     * breadth-first walk ({@code _order_cluster_tree}) inserts them; this reproduces that order.
     */
    public void cutTree(int k, int[] out) {
        if (k < 1 || k > n) throw new IllegalArgumentException("cut_tree needs 1 <= k <= " + n + ", got " + k);
        int merges = orderClusterTree();
        for (int i = 0; i < n; i++) out[i] = i;
        for (int m = 0; m < n - k && m < merges; m++) merge(order[m], out);
    }

    /**
     * Every level of {@link #cutTree} at once: {@code out[c * n + i]} is the label of observation
     * {@code i} when the tree is cut into {@code c + 1} clusters, for {@code c < levels}.
     */
    public void cutTreeLevels(int levels, int[] out) {
        int merges = orderClusterTree();
        int[] labels = members; // reuse: n entries needed
        for (int i = 0; i < n; i++) labels[i] = i;
        // cutting into k clusters takes n - k merges
        if (n - 1 < levels) System.arraycopy(labels, 0, out, (n - 1) * n, n);
        for (int m = 0; m < merges; m++) {
            merge(order[m], labels);
            int clusters = n - m - 1;
            if (clusters - 1 < levels) System.arraycopy(labels, 0, out, (clusters - 1) * n, n);
        }
    }

    /** Applies one cut_tree merge of node {@code node} to {@code labels}. */
    private void merge(int node, int[] labels) {
        // the leaves of node hold two labels a < b: all become a, labels above b shift down
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        int count = preOrder(node, queue);
        for (int j = 0; j < count; j++) {
            int g = labels[queue[j]];
            if (g < lo) lo = g;
            if (g > hi) hi = g;
        }
        for (int j = 0; j < count; j++) labels[queue[j]] = lo;
        for (int i = 0; i < n; i++) if (labels[i] > hi) labels[i]--;
    }

    /**
     * scipy's {@code _order_cluster_tree}: internal nodes in a breadth-first walk from the root
     * (right child queued before left), each inserted with {@code bisect.insort_left} by height.
     * Writes node ids to {@link #order}; returns how many.
     */
    private int orderClusterTree() {
        if (n == 1) return 0;
        int head = 0, tail = 0, count = 0;
        queue[tail++] = 2 * n - 2;
        while (head < tail) {
            int id = queue[head++];
            if (id < n) continue;
            double h = height[id - n];
            int pos = 0;
            while (pos < count && height[order[pos] - n] < h) pos++;   // insort_left
            System.arraycopy(order, pos, order, pos + 1, count - pos);
            order[pos] = id;
            count++;
            queue[tail++] = right[id - n];
            queue[tail++] = left[id - n];
        }
        return count;
    }

    /**
     * scipy's {@code fcluster(Z, k, criterion='maxclust')}: labels from 1 for each observation,
     * at most {@code k} clusters, written to {@code out}.
     */
    public void maxClusters(int k, int[] out) {
        if (k >= n) {
            for (int i = 0; i < n; i++) out[i] = i + 1;
            return;
        }
        maxDistPerCluster();
        int lower = -1, upper = n - 1;
        while (upper - lower > 1) {
            int i = (lower + upper) >> 1;
            double thresh = maxDist[i];
            Arrays.fill(visited, 0, 2 * n - 1, false);
            int nc = 0, s = 0;
            stack[0] = 2 * n - 2;
            while (s >= 0) {
                int root = stack[s] - n;
                int lc = left[root], rc = right[root];
                if (maxDist[root] <= thresh) {
                    nc++;
                    if (nc > k) break;
                    s--;
                    visited[lc] = true;
                    visited[rc] = true;
                    continue;
                }
                if (!visited[lc]) {
                    visited[lc] = true;
                    if (lc >= n) {
                        stack[++s] = lc;
                        continue;
                    }
                    nc++;
                    if (nc > k) break;
                }
                if (!visited[rc]) {
                    visited[rc] = true;
                    if (rc >= n) {
                        stack[++s] = rc;
                        continue;
                    }
                    nc++;
                    if (nc > k) break;
                }
                s--;
            }
            if (nc > k) lower = i;
            else upper = i;
        }
        monocrit(maxDist[upper], out);
    }

    /** scipy's {@code get_max_dist_for_each_cluster}. */
    private void maxDistPerCluster() {
        Arrays.fill(visited, 0, 2 * n - 1, false);
        int s = 0;
        stack[0] = 2 * n - 2;
        while (s >= 0) {
            int root = stack[s] - n;
            int lc = left[root], rc = right[root];
            if (lc >= n && !visited[lc]) {
                visited[lc] = true;
                stack[++s] = lc;
                continue;
            }
            if (rc >= n && !visited[rc]) {
                visited[rc] = true;
                stack[++s] = rc;
                continue;
            }
            double max = height[root];
            if (lc >= n && maxDist[lc - n] > max) max = maxDist[lc - n];
            if (rc >= n && maxDist[rc - n] > max) max = maxDist[rc - n];
            maxDist[root] = max;
            s--;
        }
    }

    /** scipy's {@code cluster_monocrit} with criterion {@link #maxDist}. */
    private void monocrit(double cutoff, int[] out) {
        Arrays.fill(visited, 0, 2 * n - 1, false);
        int s = 0, clusters = 0, leader = -1;
        stack[0] = 2 * n - 2;
        while (s >= 0) {
            int root = stack[s] - n;
            int lc = left[root], rc = right[root];
            if (leader == -1 && maxDist[root] <= cutoff) {
                leader = root;
                clusters++;
            }
            if (lc >= n && !visited[lc]) {
                visited[lc] = true;
                stack[++s] = lc;
                continue;
            }
            if (rc >= n && !visited[rc]) {
                visited[rc] = true;
                stack[++s] = rc;
                continue;
            }
            if (lc < n) {
                if (leader == -1) clusters++;
                out[lc] = clusters;
            }
            if (rc < n) {
                if (leader == -1) clusters++;
                out[rc] = clusters;
            }
            if (leader == root) leader = -1;
            s--;
        }
    }
}
