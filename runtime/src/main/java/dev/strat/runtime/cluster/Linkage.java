package dev.strat.runtime.cluster;

import java.util.Locale;

/**
 * Agglomerative linkage criteria, with scipy's names and distance updates
 * ({@code scipy.cluster.hierarchy.linkage(method=...)}).
 */
public enum Linkage {
    /** Nearest pair: {@code min(d_xi, d_yi)}; scipy computes it through a minimum spanning tree. */
    SINGLE,
    /** Unweighted pair-group average (UPGMA). */
    AVERAGE,
    /** Farthest pair: {@code max(d_xi, d_yi)}. */
    COMPLETE,
    /** Ward's minimum variance (Lance-Williams update on the given distances). */
    WARD;

    /** The lower-case name used by scipy and in {@code .strat} files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The linkage named {@code id} (case-insensitive), or null when there is none. */
    public static Linkage byId(String id) {
        for (Linkage l : values()) if (l.id().equalsIgnoreCase(id)) return l;
        return null;
    }
}
