package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Span;
import dev.strat.stdlib.NameSuggester;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Collects the diagnostics of one check, in the order found. The same problem reached twice
 * (a split used by two experiments) is reported once.
 */
final class Reporter {

    private final LinkedHashSet<Diagnostic> diagnostics = new LinkedHashSet<>();

    void error(Span span, String message) {
        diagnostics.add(Diagnostic.error(span, message));
    }

    void error(Span span, String message, String hint) {
        diagnostics.add(Diagnostic.error(span, message, hint));
    }

    void warning(Span span, String message) {
        diagnostics.add(Diagnostic.warning(span, message));
    }

    void addAll(Collection<Diagnostic> more) {
        diagnostics.addAll(more);
    }

    /** An error about an unknown name, with a "did you mean" hint over {@code candidates} when one is close. */
    void unknown(Span span, String message, String name, Collection<String> candidates) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, span, message, suggest(name, candidates)));
    }

    /** As {@link #unknown(Span, String, String, Collection)}, listing {@code what} when no candidate is close. */
    void unknownOrList(Span span, String message, String name, Collection<String> candidates, String what) {
        unknownOr(span, message, name, candidates, candidates.isEmpty() ? null : what + ": " + String.join(", ", candidates));
    }

    /** As {@link #unknown(Span, String, String, Collection)}, with {@code fallback} as hint when no candidate is close. */
    void unknownOr(Span span, String message, String name, Collection<String> candidates, String fallback) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, span, message,
                suggest(name, candidates).or(() -> Optional.ofNullable(fallback))));
    }

    static Optional<String> suggest(String name, Collection<String> candidates) {
        return NameSuggester.closest(name, candidates).map(c -> "did you mean '" + c + "'?");
    }

    int errorCount() {
        return (int) diagnostics.stream().filter(Diagnostic::isError).count();
    }

    List<Diagnostic> diagnostics() {
        return new ArrayList<>(diagnostics);
    }
}
