package dev.strat.runtime.rl.portfolio;

import dev.strat.runtime.data.MarketData;

import java.util.ArrayList;
import java.util.List;

/**
 * The action-to-weights maps the language offers. All give long-only weights over the N assets
 * and cash (cash last) summing to 1. Maps keep scratch buffers: use one instance per thread.
 */
public final class ActionMaps {

    /** HADAPS's default action scale. */
    public static final double HADAPS_SCALE = 5;

    private ActionMaps() {
    }

    /** RiPO: {@code a' = (a + 1) / 2}, {@code w = a' / sum(a')}; all zeros give equal weights. Action N + 1. */
    public static ActionMap sumNormalise() {
        return new SumNormaliseMap();
    }

    /** {@code w = softmax(scale * a)}. Action N + 1. */
    public static ActionMap softmax(double scale) {
        return new SoftmaxMap(scale);
    }

    /** Euclidean projection of {@code a} onto the probability simplex (Duchi et al. 2008). Action N + 1. */
    public static ActionMap simplex() {
        return new SimplexMap();
    }

    /**
     * HADAPS's class hierarchy with the cash logit first (HADAPS's order: cash, stock, crypto)
     * and {@link #HADAPS_SCALE}. See {@link #classHierarchy(List, int, double)}.
     */
    public static ActionMap classHierarchy(List<int[]> classes) {
        return new ClassHierarchyMap(classes, 0, HADAPS_SCALE);
    }

    /** HADAPS's class hierarchy with the cash logit at {@code cashIndex} and {@link #HADAPS_SCALE}. */
    public static ActionMap classHierarchy(List<int[]> classes, int cashIndex) {
        return new ClassHierarchyMap(classes, cashIndex, HADAPS_SCALE);
    }

    /**
     * HADAPS's class hierarchy. {@code classes} lists the member asset indices of each risky
     * class and must partition the assets. The action is {@code K = classes + 1} class logits
     * (cash's at {@code cashIndex}, the risky classes in order at the other positions), then each
     * class's asset logits in class order; all are multiplied by {@code scale}. Weights:
     * {@code p = softmax(class logits)}, asset {@code i} of class {@code c} gets
     * {@code softmax(class c's logits)_i * p_c}, cash gets {@code p_cash}.
     */
    public static ActionMap classHierarchy(List<int[]> classes, int cashIndex, double scale) {
        return new ClassHierarchyMap(classes, cashIndex, scale);
    }

    /**
     * The member indices of the named classes of {@code market} (see
     * {@link dev.strat.runtime.data.MarketClasses}), in the order named, for
     * {@link #classHierarchy}.
     */
    public static List<int[]> classes(MarketData market, List<String> classNames) {
        List<int[]> out = new ArrayList<>();
        for (String name : classNames) {
            List<String> members = market.classes().get(name);
            if (members == null) {
                throw new IllegalArgumentException("market " + market.name() + " has no asset class " + name + "; it has "
                        + market.classes().keySet());
            }
            int[] idx = new int[members.size()];
            for (int k = 0; k < idx.length; k++) idx[k] = market.symbols().indexOf(members.get(k));
            out.add(idx);
        }
        return out;
    }
}
