package dev.strat.lang.run;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import dev.strat.polyglot.GuestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a user function's failure during a run into a diagnostic at the function's declaration,
 * printed by the one {@link dev.strat.lang.diag.DiagnosticFormatter}: the program line, then the
 * guest source line and the guest stack as its hint.
 */
final class GuestErrors {

    private GuestErrors() {
    }

    /** The user-function failure behind a run failure, if that is what it is. */
    static Optional<GuestException> find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GuestException g) return Optional.of(g);
            if (t.getCause() == t) break;
        }
        return Optional.empty();
    }

    /**
     * @param program  the program run, whose declarations the location names
     * @param fallback where to point when the function was declared in another (imported) file
     */
    static Diagnostic diagnostic(GuestException e, Source program, Span fallback) {
        Span at = span(e.declaredAt(), program).orElse(fallback);
        String message = e.getMessage().replace(" (declared at " + e.declaredAt() + ")", "");
        List<String> hint = new ArrayList<>();
        e.guestLine().filter(l -> !l.isEmpty()).ifPresent(l -> hint.add("guest code: " + l));
        for (String frame : e.guestStack()) hint.add("at " + frame);
        return hint.isEmpty() ? Diagnostic.error(at, message) : Diagnostic.error(at, message, String.join("\n        ", hint));
    }

    private static Optional<Span> span(String declaredAt, Source program) {
        if (program == null || !declaredAt.startsWith(program.name() + ":")) return Optional.empty();
        String[] lineCol = declaredAt.substring(program.name().length() + 1).split(":");
        try {
            return Optional.of(new Span(program, Integer.parseInt(lineCol[0]), Integer.parseInt(lineCol[1]), "function".length()));
        } catch (RuntimeException notALocation) {
            return Optional.empty();
        }
    }
}
