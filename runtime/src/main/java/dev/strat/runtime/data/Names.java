package dev.strat.runtime.data;

import dev.strat.runtime.util.EditDistance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Did-you-mean suggestions and lists of symbols for data error messages. */
final class Names {

    private Names() {}

    /** The closest candidate within a small edit distance (case-insensitive), if any. */
    static Optional<String> suggest(String wrong, Collection<String> candidates) {
        return EditDistance.closest(wrong, candidates);
    }

    /** Sorted, comma-separated list for messages. */
    static String list(Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        return String.join(", ", sorted);
    }
}
