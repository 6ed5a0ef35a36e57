package dev.strat.stdlib;

import java.util.Collection;
import java.util.Optional;

/** Finds the closest known name to a misspelt one, for "did you mean" hints. */
public final class NameSuggester {

    private NameSuggester() {
    }

    /**
     * The candidate with the smallest edit distance to {@code name}, if that distance is small
     * enough to be a plausible typo (at most a third of the name's length, and at most 3).
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        int limit = Math.min(3, Math.max(1, name.length() / 3));
        String lower = name.toLowerCase();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c.equals(name)) continue;
            int d = distance(lower, c.toLowerCase());
            // ties go to the alphabetically first candidate so suggestions are stable
            if (d < bestDistance || d == bestDistance && best != null && c.compareTo(best) < 0) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters costs 1. */
    public static int distance(String a, String b) {
        int n = a.length(), m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
