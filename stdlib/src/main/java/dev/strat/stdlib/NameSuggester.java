package dev.strat.stdlib;

import dev.strat.runtime.util.EditDistance;

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
        return EditDistance.closest(name, candidates);
    }

    /** Damerau-Levenshtein distance (optimal string alignment): a swap of two letters costs 1. */
    public static int distance(String a, String b) {
        return EditDistance.distance(a, b);
    }
}
