package dev.strat.runtime.allocators;

import dev.strat.runtime.cluster.Dendrogram;
import dev.strat.runtime.cluster.GapStatistic;
import dev.strat.runtime.cluster.Linkages;
import dev.strat.runtime.risk.Codependence;
import dev.strat.runtime.risk.Covariance;
import dev.strat.runtime.risk.RiskMeasure;
import dev.strat.runtime.risk.RiskMeasures;
import dev.strat.runtime.risk.CovarianceEstimator;

/**
 * Hierarchical risk parity (HRP, M. Lopez de Prado, "Building diversified portfolios that
 * outperform out of sample", J. Portfolio Management 42(4), 2016) and hierarchical equal risk
 * contribution (HERC, T. Raffinot, "The hierarchical equal risk contribution portfolio", 2018)
 * on one {@code T x N} block of simple returns, step for step as riskfolio-lib's
 * {@code HCPortfolio.optimization(model='HRP'|'HERC')} computes them:
 * <ol>
 *   <li>covariance (sample or Ledoit-Wolf) and codependence (Pearson, Spearman or absolute
 *       Pearson of the returns; riskfolio's codependence ignores the covariance estimator), its
 *       distance, optionally the Euclidean distance between the distance columns;</li>
 *   <li>scipy linkage of the distance with optimal leaf ordering ({@link Linkages});</li>
 *   <li>HRP: recursive bisection of the leaf order by halves, each half weighted
 *       {@code 1 - r_left / (r_left + r_right)}, where a half's risk is that of its naive
 *       inverse-risk portfolio (inverse variance for variance, inverse risk otherwise);
 *       HERC: the top {@code k - 1} merges (highest first) split the weight between their
 *       children in the same proportion, with a child's risk the sum of the risks of the
 *       {@code k} clusters ({@code fcluster maxclust}) inside it, and the weight of each of the
 *       {@code k} clusters ({@code cut_tree}) is shared by its naive inverse-risk weights;</li>
 *   <li>bounds: riskfolio's step 4, applied after the allocation: clip to
 *       {@code [min_weight, max_weight]} and hand the clipped excess (or shortfall) to the assets
 *       strictly inside their bounds in proportion to their weights, up to 100 rounds. When that
 *       leaves every asset on a bound and the budget missed (riskfolio then returns weights that
 *       do not sum to 1), the remainder is spread in proportion to each asset's room to its
 *       bound. Bounds whose sum cannot make 100% are an error ({@link #checkBounds}).</li>
 * </ol>
 *
 * <p>Where riskfolio divides by zero this class takes the limit, so that no weight is NaN: assets
 * with zero risk share a naive portfolio equally (the others get nothing), two halves of zero risk
 * split evenly, and a window in which every asset has zero risk (flat prices) gives 1/N. One asset
 * gets everything. With n <= 2 the gap statistic cannot compare three cuts (riskfolio raises) and
 * HERC uses one cluster. Ties between merge heights in HERC's top-down order go to the later
 * merge (numpy's stable reading of riskfolio's {@code argsort}). A given {@code k} above n is
 * capped at n.
 *
 * <p>An instance reuses all its buffers: after the first call with a given shape it allocates
 * nothing. Not thread-safe.
 */
public final class HierarchicalAllocation {

    /** The two models. */
    public enum Model { HRP, HERC }

    private static final int MAX_BOUND_ROUNDS = 100;

    private final Model model;
    private final HierarchicalSettings s;
    private final Linkages linkages = new Linkages();
    private final Dendrogram tree = new Dendrogram();
    private final GapStatistic gap = new GapStatistic();

    private int n = -1, t = -1;
    private double[] x;                 // returns, t x n
    private double[] rankScratch;       // Spearman's ranks
    private double[] columns;           // the same returns column by column (n x t), for the series measures
    private double[] mean, sample, cov, corr, dist, euclid;
    private double[] single;            // per-asset risk (inverse-risk input)
    private double[] w, scratchW, portfolio, drawdowns, tailScratch, clusterRisk;
    private int[] order, members, labels, cutLabels, ranges, next, nodes, leftLeaves, rightLeaves;
    private boolean[] inLeft, inRight;
    private int clusters;               // HERC's k of the last call

    public HierarchicalAllocation(Model model, HierarchicalSettings settings) {
        this.model = java.util.Objects.requireNonNull(model, "model");
        this.s = java.util.Objects.requireNonNull(settings, "settings");
    }

    public Model model() { return model; }

    public HierarchicalSettings settings() { return s; }

    /** HERC's number of clusters at the last call (0 for HRP). */
    public int clusters() { return clusters; }

    /** The dendrogram of the last call (live: the next call rebuilds it). */
    public Dendrogram dendrogram() { return tree; }

    /**
     * Checks riskfolio's bound feasibility for {@code assets} assets: the upper bounds must sum to
     * at least 1 and the lower bounds to at most 1.
     *
     * @throws IllegalArgumentException with a message naming the bound otherwise
     */
    public static void checkBounds(HierarchicalSettings s, int assets) {
        if (Math.min(1.0, s.maxWeight()) * assets < 1 - 1e-12) {
            throw new IllegalArgumentException("max_weight " + s.maxWeight() + " times " + assets
                    + " assets is below 100%: no fully invested portfolio fits; raise max_weight to at least "
                    + (1.0 / assets));
        }
        if (s.minWeight() * assets > 1 + 1e-12) {
            throw new IllegalArgumentException("min_weight " + s.minWeight() + " times " + assets
                    + " assets is above 100%: no fully invested portfolio fits; lower min_weight to at most "
                    + (1.0 / assets));
        }
    }

    /**
     * Weights of the {@code t x n} block {@code returns} (row-major, oldest bar first, simple
     * returns) into {@code out[0..n)}; they are non-negative and sum to 1.
     */
    public void allocate(double[] returns, int bars, int assets, double[] out) {
        if (assets < 1) throw new IllegalArgumentException("need at least one asset");
        if (bars < 2) throw new IllegalArgumentException("need at least 2 returns, got " + bars);
        ensure(bars, assets);
        System.arraycopy(returns, 0, x, 0, bars * assets);
        clusters = 0;
        if (assets == 1) {
            out[0] = 1.0;
            return;
        }
        for (int i = 0; i < bars * assets; i++) {
            if (!Double.isFinite(x[i])) {     // no estimate is defined: stay neutral
                for (int j = 0; j < assets; j++) out[j] = 1.0 / assets;
                return;
            }
        }
        if (!s.risk().usesCovariance()) {
            for (int r = 0; r < t; r++) for (int i = 0; i < n; i++) columns[i * t + r] = x[r * n + i];
        }
        estimate();
        if (allFlat()) {
            for (int j = 0; j < n; j++) out[j] = 1.0 / n;
            return;
        }
        linkages.linkage(s.input() == HierarchicalSettings.ClusterInput.EUCLIDEAN ? euclid : dist, n,
                s.linkage(), s.leafOrder(), tree);
        java.util.Arrays.fill(w, 0, n, 1.0);
        if (model == Model.HRP) recursiveBisection();
        else hierarchicalBisection();
        fitBounds();
        for (int i = 0; i < n; i++) out[i] = w[i];
    }

    private void ensure(int bars, int assets) {
        if (bars == t && assets == n) return;
        t = bars;
        n = assets;
        x = new double[t * n];
        columns = new double[n * t];
        mean = new double[n];
        sample = new double[n * n];
        cov = new double[n * n];
        corr = new double[n * n];
        rankScratch = new double[Codependence.spearmanScratch(t, n)];
        dist = new double[n * n];
        euclid = new double[n * n];
        single = new double[n];
        w = new double[n];
        scratchW = new double[n];
        portfolio = new double[t];
        drawdowns = new double[t];
        tailScratch = new double[t];
        clusterRisk = new double[n + 1];
        order = new int[n];
        members = new int[n];
        labels = new int[n];
        cutLabels = new int[n];
        ranges = new int[4 * n];
        next = new int[4 * n];
        nodes = new int[2 * n];
        leftLeaves = new int[n];
        rightLeaves = new int[n];
        inLeft = new boolean[n];
        inRight = new boolean[n];
    }

    // ---------------------------------------------------------------- step 1: estimates

    private void estimate() {
        Covariance.sample(x, t, n, mean, sample);
        RiskMeasure rm = s.risk();
        if (rm.usesCovariance() && s.estimator() == CovarianceEstimator.LEDOIT_WOLF) {
            Covariance.ledoitWolf(x, t, n, mean, cov);
        } else {
            System.arraycopy(sample, 0, cov, 0, n * n);
        }
        switch (s.dependence()) {
            case SPEARMAN -> Codependence.spearman(x, t, n, corr, rankScratch);
            default -> Codependence.correlation(sample, n, corr);
        }
        Codependence.distance(corr, n, s.dependence() == HierarchicalSettings.Dependence.ABS_PEARSON, dist);
        if (s.input() == HierarchicalSettings.ClusterInput.EUCLIDEAN) euclideanOfColumns();
        for (int i = 0; i < n; i++) single[i] = singleRisk(i);
    }

    /** Lopez de Prado's {@code d~_ij = sqrt(Σ_k (d_ki - d_kj)²)} over the columns of {@link #dist}. */
    private void euclideanOfColumns() {
        for (int i = 0; i < n; i++) {
            euclid[i * n + i] = 0;
            for (int j = i + 1; j < n; j++) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    double d = dist[k * n + i] - dist[k * n + j];
                    sum += d * d;
                }
                double v = Math.sqrt(sum);
                euclid[i * n + j] = v;
                euclid[j * n + i] = v;
            }
        }
    }

    /** Risk of asset {@code i} alone, as riskfolio's {@code Sharpe_Risk} with a one-hot weight. */
    private double singleRisk(int i) {
        return switch (s.risk()) {
            case VARIANCE, STD -> Math.sqrt(cov[i * n + i]);
            default -> {
                System.arraycopy(columns, i * t, portfolio, 0, t);
                yield seriesRisk();
            }
        };
    }

    /** True when every asset's risk is zero (e.g. flat prices): then 1/N. */
    private boolean allFlat() {
        for (int i = 0; i < n; i++) if (single[i] != 0) return false;
        return true;
    }

    /** The risk measure of {@link #portfolio}{@code [0..t)}. */
    private double seriesRisk() {
        return switch (s.risk()) {
            case MAD -> RiskMeasures.mad(portfolio, t);
            case CVAR -> RiskMeasures.cvar(portfolio, t, s.alpha(), tailScratch);
            case CDAR -> RiskMeasures.cdar(portfolio, t, s.alpha(), drawdowns);
            case MDD -> RiskMeasures.mdd(portfolio, t);
            default -> throw new IllegalStateException("not a series measure: " + s.risk());
        };
    }

    // ---------------------------------------------------------------- naive and cluster risk

    /**
     * riskfolio's {@code _naive_risk} over {@code assets[0..m)} into {@code scratchW[0..m)}:
     * {@code 1/risk²} for variance, {@code 1/risk} otherwise, normalised by multiplying with
     * the reciprocal of the sum as riskfolio does. Zero-risk assets share equally when present.
     */
    private void naiveWeights(int[] assets, int m) {
        int zero = 0;
        for (int j = 0; j < m; j++) if (single[assets[j]] == 0) zero++;
        if (zero > 0) {
            for (int j = 0; j < m; j++) scratchW[j] = single[assets[j]] == 0 ? 1.0 / zero : 0.0;
            return;
        }
        double sum = 0;
        for (int j = 0; j < m; j++) {
            double r = single[assets[j]];
            double inv = s.risk() == RiskMeasure.VARIANCE ? 1 / (r * r) : 1 / r;
            scratchW[j] = inv;
            sum += inv;
        }
        double scale = 1 / sum;
        boolean finite = Double.isFinite(scale);
        for (int j = 0; j < m; j++) {
            scratchW[j] = scratchW[j] * scale;
            if (!Double.isFinite(scratchW[j])) finite = false;
        }
        if (!finite) for (int j = 0; j < m; j++) scratchW[j] = 1.0 / m;   // inverse risks cancelled out
    }

    /** Risk of the naive portfolio of {@code assets[0..m)} (squared for variance, as riskfolio). */
    private double clusterRisk(int[] assets, int m) {
        if (m == 1 && s.risk() != RiskMeasure.VARIANCE) return single[assets[0]];
        naiveWeights(assets, m);
        switch (s.risk()) {
            case VARIANCE, STD: {
                double v = 0;
                for (int a = 0; a < m; a++) {
                    int ia = assets[a];
                    double row = 0;
                    for (int b = 0; b < m; b++) row += cov[ia * n + assets[b]] * scratchW[b];
                    v += scratchW[a] * row;
                }
                double sd = Math.sqrt(v);
                return s.risk() == RiskMeasure.VARIANCE ? sd * sd : sd;
            }
            default: {
                // portfolio returns, column by column so that the inner loop runs over contiguous bars
                java.util.Arrays.fill(portfolio, 0, t, 0.0);
                for (int a = 0; a < m; a++) {
                    double wa = scratchW[a];
                    int base = assets[a] * t;
                    for (int r = 0; r < t; r++) portfolio[r] += columns[base + r] * wa;
                }
                return seriesRisk();
            }
        }
    }

    private static double split(double left, double right) {
        double total = left + right;
        if (total == 0) return 0.5;                   // both halves riskless
        double a = 1 - left / total;
        return Double.isFinite(a) ? a : 0.5;
    }

    // ---------------------------------------------------------------- HRP

    /** riskfolio's {@code _recursive_bisection}: halves of the leaf order, level by level. */
    private void recursiveBisection() {
        tree.leafOrder(order);
        // items are [start, end) ranges of the leaf order; each level splits every item in two
        int count = 0;
        ranges[count++] = 0;
        ranges[count++] = n;
        while (count > 0) {
            int nextCount = 0;
            for (int i = 0; i < count; i += 2) {
                int a = ranges[i], b = ranges[i + 1], len = b - a;
                if (len <= 1) continue;
                int mid = a + len / 2;
                next[nextCount++] = a;
                next[nextCount++] = mid;
                next[nextCount++] = mid;
                next[nextCount++] = b;
            }
            for (int i = 0; i < nextCount; i += 4) {
                int la = next[i], lb = next[i + 1], ra = next[i + 2], rb = next[i + 3];
                int lm = copy(order, la, lb, leftLeaves);
                int rm = copy(order, ra, rb, rightLeaves);
                double left = clusterRisk(leftLeaves, lm);
                double right = clusterRisk(rightLeaves, rm);
                double alpha = split(left, right);
                for (int j = 0; j < lm; j++) w[leftLeaves[j]] *= alpha;
                for (int j = 0; j < rm; j++) w[rightLeaves[j]] *= 1 - alpha;
            }
            System.arraycopy(next, 0, ranges, 0, nextCount);
            count = nextCount;
        }
    }

    private static int copy(int[] src, int from, int to, int[] dst) {
        System.arraycopy(src, from, dst, 0, to - from);
        return to - from;
    }

    // ---------------------------------------------------------------- HERC

    /** riskfolio's {@code _hierarchical_recursive_bisection} for model HERC. */
    private void hierarchicalBisection() {
        int k = s.k() > 0 ? Math.min(s.k(), n)
                : gap.twoDiff(s.input() == HierarchicalSettings.ClusterInput.EUCLIDEAN ? euclid : dist, n, tree,
                        s.maxK(), labels);
        clusters = k;
        // the k clusters of fcluster(maxclust), their risks computed once
        tree.maxClusters(k, labels);
        int maxLabel = 0;
        for (int i = 0; i < n; i++) maxLabel = Math.max(maxLabel, labels[i]);
        for (int c = 1; c <= maxLabel; c++) {
            int m = membersOf(labels, c, members);
            clusterRisk[c] = m == 0 ? 0 : clusterRisk(members, m);
        }
        // all 2n-1 nodes by height descending, ties to the higher id; leaves have height 0
        int total = 2 * n - 1;
        for (int i = 0; i < total; i++) nodes[i] = total - 1 - i;
        for (int i = 1; i < total; i++) {             // stable insertion sort of the id-descending list
            int id = nodes[i];
            double h = height(id);
            int j = i - 1;
            while (j >= 0 && height(nodes[j]) < h) {
                nodes[j + 1] = nodes[j];
                j--;
            }
            nodes[j + 1] = id;
        }
        for (int q = 0; q < k - 1 && q < total; q++) {
            int id = nodes[q];
            if (id < n) continue;
            int lm = tree.preOrder(tree.left(id - n), leftLeaves);
            int rm = tree.preOrder(tree.right(id - n), rightLeaves);
            java.util.Arrays.fill(inLeft, false);
            java.util.Arrays.fill(inRight, false);
            for (int j = 0; j < lm; j++) inLeft[leftLeaves[j]] = true;
            for (int j = 0; j < rm; j++) inRight[rightLeaves[j]] = true;
            double left = 0, right = 0;
            for (int c = 1; c <= maxLabel; c++) {
                boolean allLeft = true, allRight = true, any = false;
                for (int i = 0; i < n; i++) {
                    if (labels[i] != c) continue;
                    any = true;
                    if (!inLeft[i]) allLeft = false;
                    if (!inRight[i]) allRight = false;
                }
                if (!any || allLeft) {          // an empty set is a subset of both; riskfolio adds it left
                    if (any) left += clusterRisk[c];
                } else if (allRight) {
                    right += clusterRisk[c];
                }
            }
            double alpha = split(left, right);
            for (int j = 0; j < lm; j++) w[leftLeaves[j]] *= alpha;
            for (int j = 0; j < rm; j++) w[rightLeaves[j]] *= 1 - alpha;
        }
        // within each cut_tree cluster, the naive inverse-risk weights
        tree.cutTree(k, cutLabels);
        for (int c = 0; c < k; c++) {
            int m = membersOf(cutLabels, c, members);
            if (m == 0) continue;
            naiveWeights(members, m);
            for (int j = 0; j < m; j++) w[members[j]] *= scratchW[j];
        }
    }

    private double height(int id) {
        return id < n ? 0.0 : tree.height(id - n);
    }

    private int membersOf(int[] lab, int c, int[] out) {
        int m = 0;
        for (int i = 0; i < n; i++) if (lab[i] == c) out[m++] = i;
        return m;
    }

    // ---------------------------------------------------------------- step 4: bounds

    /** riskfolio's step 4: clip to the bounds and redistribute, at most 100 rounds. */
    private void fitBounds() {
        double lo = Math.max(0.0, s.minWeight()), hi = Math.min(1.0, s.maxWeight());
        for (int round = 0; round < MAX_BOUND_ROUNDS && violated(lo, hi); round++) {
            double add = 0, sub = 0, inside = 0;
            for (int i = 0; i < n; i++) {
                double orig = w[i];
                double c = Math.max(Math.min(orig, hi), lo);
                add += Math.max(orig - hi, 0);
                sub += Math.min(orig - lo, 0);
                w[i] = c;
            }
            double delta = add + sub;
            for (int i = 0; i < n; i++) if (w[i] < hi && w[i] > lo) inside += w[i];
            if (delta != 0) {
                for (int i = 0; i < n; i++) if (w[i] < hi && w[i] > lo) w[i] += delta * w[i] / inside;
            }
        }
        // riskfolio stops here even when every weight sits on a bound and the budget is missed
        // (it then returns, e.g., 5 x 12% + 7 x 4% = 88%). Where that happens the shortfall (or
        // excess) goes to the assets in proportion to their room below max_weight (above
        // min_weight), which keeps the bounds and the full investment; elsewhere this is a no-op.
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(Math.min(w[i], hi), lo);
            sum += w[i];
        }
        double gap = 1 - sum;
        if (Math.abs(gap) > 1e-13) {
            double room = 0;
            for (int i = 0; i < n; i++) room += gap > 0 ? hi - w[i] : w[i] - lo;
            if (room > 0) {
                for (int i = 0; i < n; i++) w[i] += gap * (gap > 0 ? hi - w[i] : w[i] - lo) / room;
            }
        }
    }

    private boolean violated(double lo, double hi) {
        for (int i = 0; i < n; i++) if (hi < w[i] || lo > w[i]) return true;
        return false;
    }
}
