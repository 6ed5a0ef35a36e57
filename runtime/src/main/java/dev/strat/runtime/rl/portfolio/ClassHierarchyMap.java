package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.rl.ActionSpace;

import java.util.Arrays;
import java.util.List;

/**
 * HADAPS's hierarchical map over asset classes.
 *
 * <h2>Action layout</h2>
 * With {@code C} risky classes and {@code K = C + 1} class options (cash is one), the action has
 * {@code K + N} components: first the {@code K} class logits, the cash logit at position
 * {@code cashIndex} among them and the risky classes in the order given at the other positions;
 * then, for each risky class in the order given, one logit per member asset in the order its
 * {@code int[]} lists them. Every component is multiplied by {@code scale} (HADAPS's
 * {@code action_scale}, 5 by default: its policy emits {@code tanh(z) * 5} where ours emits
 * values in {@code [-1, 1]}).
 *
 * <h2>Weights</h2>
 * {@code p = softmax(scale * class logits)}; a member {@code i} of class {@code c} gets
 * {@code softmax(scale * class c's asset logits)_i * p_c}; cash gets {@code p_cash}. The classes
 * must partition the assets: every asset in exactly one class.
 */
final class ClassHierarchyMap implements ActionMap {

    private final int[][] classes;
    private final int cashIndex;
    private final double scale;
    private final int assets;
    private final double[] classWeights;
    private final double[] inClass;

    ClassHierarchyMap(List<int[]> classes, int cashIndex, double scale) {
        if (classes.isEmpty()) throw new IllegalArgumentException("a class hierarchy needs at least one asset class");
        if (cashIndex < 0 || cashIndex > classes.size()) {
            throw new IllegalArgumentException("cash index " + cashIndex + " outside 0.." + classes.size());
        }
        if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("scale must be positive, got " + scale);
        this.classes = new int[classes.size()][];
        int n = 0;
        int largest = 0;
        for (int c = 0; c < classes.size(); c++) {
            this.classes[c] = classes.get(c).clone();
            if (this.classes[c].length == 0) throw new IllegalArgumentException("asset class " + c + " is empty");
            n += this.classes[c].length;
            largest = Math.max(largest, this.classes[c].length);
        }
        boolean[] seen = new boolean[n];
        for (int[] members : this.classes) {
            for (int i : members) {
                if (i < 0 || i >= n) throw new IllegalArgumentException("asset " + i + " outside 0.." + (n - 1) + " (classes must partition the assets)");
                if (seen[i]) throw new IllegalArgumentException("asset " + i + " is in two classes");
                seen[i] = true;
            }
        }
        this.assets = n;
        this.cashIndex = cashIndex;
        this.scale = scale;
        this.classWeights = new double[classes.size() + 1];
        this.inClass = new double[largest];
    }

    @Override
    public String label() {
        StringBuilder b = new StringBuilder("class_hierarchy(classes=");
        for (int c = 0; c < classes.length; c++) b.append(c == 0 ? "" : ";").append(Arrays.toString(classes[c]).replace(" ", ""));
        return b.append(", cash=").append(cashIndex).append(", scale=").append(scale).append(')').toString();
    }

    @Override
    public ActionSpace space(int assets) {
        if (assets != this.assets) throw new IllegalArgumentException("class hierarchy covers " + this.assets + " assets, market has " + assets);
        return new ActionSpace.Continuous(classes.length + 1 + assets);
    }

    @Override
    public void toWeights(float[] action, double[] weights) {
        final int k = classes.length + 1;
        SoftmaxMap.softmax(action, 0, classWeights, 0, k, scale, 1.0);
        int from = k;
        for (int c = 0; c < classes.length; c++) {
            final int[] members = classes[c];
            final double p = classWeights[c < cashIndex ? c : c + 1];
            SoftmaxMap.softmax(action, from, inClass, 0, members.length, scale, p);
            for (int j = 0; j < members.length; j++) weights[members[j]] = inClass[j];
            from += members.length;
        }
        weights[assets] = classWeights[cashIndex];
    }
}
