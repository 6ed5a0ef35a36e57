package dev.strat.lang.diag;

import java.util.Comparator;
import java.util.List;

/**
 * Prints diagnostics the one way strat prints them:
 * <pre>
 * examples/bad.strat:3:14: error: unknown built-in 'olmr'
 *     3 | strategy s = olmr(window=5)
 *       |              ^~~~
 *       = did you mean 'olmar'?
 * </pre>
 */
public final class DiagnosticFormatter {

    private DiagnosticFormatter() {
    }

    public static String format(Diagnostic d) {
        Span s = d.span();
        StringBuilder b = new StringBuilder();
        b.append(s.location()).append(": ").append(d.isError() ? "error" : "warning").append(": ").append(d.message()).append('\n');
        String text = s.source().line(s.line()).replace('\t', ' ');
        String number = Integer.toString(s.line());
        String gutter = " ".repeat(number.length());
        b.append("    ").append(number).append(" | ").append(text).append('\n');
        int col = Math.max(1, Math.min(s.column(), text.length() + 1));
        int len = Math.max(1, Math.min(s.length(), Math.max(1, text.length() - col + 1)));
        b.append("    ").append(gutter).append(" | ").append(" ".repeat(col - 1)).append('^').append("~".repeat(len - 1)).append('\n');
        d.hint().ifPresent(h -> b.append("    ").append(gutter).append(" = ").append(h).append('\n'));
        return b.toString();
    }

    /** All diagnostics, sorted by file, line and column, then a count line. */
    public static String formatAll(List<Diagnostic> diagnostics) {
        StringBuilder b = new StringBuilder();
        diagnostics.stream()
                .sorted(Comparator.comparing((Diagnostic d) -> d.span().source().name())
                        .thenComparingInt(d -> d.span().line())
                        .thenComparingInt(d -> d.span().column()))
                .forEach(d -> b.append(format(d)));
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        if (errors > 0) b.append(errors).append(errors == 1 ? " error" : " errors");
        if (warnings > 0) b.append(errors > 0 ? ", " : "").append(warnings).append(warnings == 1 ? " warning" : " warnings");
        if (!diagnostics.isEmpty()) b.append('\n');
        return b.toString();
    }
}
