package dev.strat.lang.fmt;

import dev.strat.lang.ast.Comment;
import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Program;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * {@code strat fmt}: prints a program in the one canonical layout. Declarations are separated by
 * one blank line, except runs of one-line declarations of the same family (costs and capital,
 * imports, one-line splits or strategies), which stay together. Literals keep their original
 * text ({@code 1_000_000}, {@code 0.25%}, {@code 1e-3}). Own-line comments stay before the line
 * that follows them; trailing comments stay at the end of the line that holds their code.
 * {@code format(parse(format(x)))} equals {@code format(x)}. Comments written inside a construct
 * that is printed on one line (an argument list spread over lines, say) move to the end of that
 * line, or just before it when there are several.
 *
 * <p>Only programs without syntax errors should be formatted: a partial program would lose the
 * broken declarations.
 */
public final class Formatter {

    private Formatter() {
    }

    /** One expression in canonical layout, e.g. a strategy parameter's default for the REPL's help. */
    public static String expr(dev.strat.lang.ast.Expr e) {
        return ExprPrinter.print(e);
    }

    public static String format(Program program) {
        List<Comment> ownLine = program.comments().stream().filter(c -> !c.trailing())
                .sorted(Comparator.comparingInt(c -> c.span().line())).toList();
        List<Comment> trailing = program.comments().stream().filter(Comment::trailing)
                .sorted(Comparator.comparingInt(c -> c.span().line())).toList();
        NavigableSet<Integer> commentLines = new TreeSet<>();
        program.comments().forEach(c -> commentLines.add(c.span().line()));

        // code lines, with null entries standing for blank separator lines
        List<Line> lines = new ArrayList<>();
        Decl previous = null;
        List<Line> previousLines = List.of();
        for (Decl decl : program.decls()) {
            List<Line> declLines = DeclLayout.layout(decl, commentLines);
            if (previous != null && !together(previous, previousLines, decl, declLines)) lines.add(null);
            lines.addAll(declLines);
            previous = decl;
            previousLines = declLines;
        }

        String[] trailingText = new String[lines.size()];
        Map<Integer, List<String>> before = new HashMap<>();
        for (Comment c : trailing) {
            int target = -1;
            for (int k = 0; k < lines.size(); k++) {
                Line l = lines.get(k);
                if (l != null && l.anchor() >= 0 && l.anchor() <= c.span().line()) target = k;
            }
            if (target < 0) {
                // no code line before it (cannot happen for a parsed program): keep it on its own line
                ownLine = merge(ownLine, c);
                continue;
            }
            String text = c.text().strip();
            if (trailingText[target] != null) {
                // several comments end up on one joined line: all but the last go on their own lines before it
                before.computeIfAbsent(target, k -> new ArrayList<>()).add(trailingText[target]);
            }
            trailingText[target] = text;
        }

        StringBuilder b = new StringBuilder();
        Deque<Comment> pending = new ArrayDeque<>(ownLine);
        for (int k = 0; k < lines.size(); k++) {
            Line l = lines.get(k);
            if (l == null) {
                b.append('\n');
                continue;
            }
            if (l.anchor() >= 0) {
                while (!pending.isEmpty() && pending.peekFirst().span().line() < l.anchor()) {
                    b.append(" ".repeat(l.indent())).append(pending.pollFirst().text().strip()).append('\n');
                }
            }
            for (String moved : before.getOrDefault(k, List.of())) b.append(" ".repeat(l.indent())).append(moved).append('\n');
            b.append(" ".repeat(l.indent())).append(l.text());
            if (trailingText[k] != null) b.append("  ").append(trailingText[k]);
            b.append('\n');
        }
        if (!pending.isEmpty() && !lines.isEmpty()) b.append('\n');
        while (!pending.isEmpty()) b.append(pending.pollFirst().text().strip()).append('\n');
        return b.toString();
    }

    private static List<Comment> merge(List<Comment> sorted, Comment extra) {
        List<Comment> out = new ArrayList<>(sorted);
        out.add(extra);
        out.sort(Comparator.comparingInt(c -> c.span().line()));
        return out;
    }

    /** One-line declarations of the same family stay on consecutive lines. */
    private static boolean together(Decl a, List<Line> aLines, Decl b, List<Line> bLines) {
        return aLines.size() == 1 && bLines.size() == 1 && family(a).equals(family(b));
    }

    private static String family(Decl d) {
        return switch (d) {
            case Decl.Costs c -> "settings";
            case Decl.Capital c -> "settings";
            case Decl.Experiment e -> "experiment-" + System.identityHashCode(e);
            default -> d.getClass().getSimpleName();
        };
    }
}
