package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.ExperimentItem;
import dev.strat.lang.ast.PipelineExpr;
import dev.strat.lang.diag.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a compare sweep, {@code [ripo(m=x) for x in 0, 0.4, 0.8]}, into one pipeline per value,
 * and with several {@code for} parts one per combination (the first part varies slowest). Each
 * expanded pipeline is named by its text ({@code ripo(m=0.4)}), as an unnamed entry written out
 * by hand would be. {@code for x in [0, 0.4]} reads as {@code for x in 0, 0.4}, as in pools.
 */
final class Sweeps {

    private Sweeps() {
    }

    /**
     * One expanded entry.
     *
     * @param at where a problem with this entry as a whole is shown: the value that made it
     */
    record Expanded(PipelineExpr pipeline, Span at) { }

    /** The expanded entries of a sweep; empty (with errors reported) when a variable is bound twice or never used. */
    static List<Expanded> expand(ExperimentItem.Entry entry, Reporter r) {
        boolean ok = true;
        Set<String> used = Substitution.names(entry.pipeline());
        Map<String, Span> seen = new HashMap<>();
        List<List<Expr>> values = new ArrayList<>();
        for (ExperimentItem.Sweep s : entry.sweeps()) {
            String name = s.variable().name();
            Span first = seen.putIfAbsent(name, s.variable().span());
            if (first != null) {
                r.error(s.variable().span(), "sweep variable '" + name + "' is bound twice", "first bound at " + first.location());
                ok = false;
            } else if (!used.contains(name)) {
                r.error(s.variable().span(), "sweep variable '" + name + "' is not used in '" + AstText.pipeline(entry.pipeline()) + "'",
                        "every value would compare the same strategy; write it where the value goes, e.g. [ripo(m=" + name + ") for "
                                + name + " in 0, 0.4]");
                ok = false;
            }
            values.add(s.values().size() == 1 && s.values().get(0) instanceof Expr.ListOf l ? l.items() : s.values());
        }
        if (!ok) return List.of();
        List<Expanded> out = new ArrayList<>();
        combine(entry, values, 0, new LinkedHashMap<>(), null, out);
        return out;
    }

    private static void combine(ExperimentItem.Entry entry, List<List<Expr>> values, int k, Map<String, Expr> bound, Span at,
                                List<Expanded> out) {
        if (k == values.size()) {
            out.add(new Expanded(Substitution.replace(entry.pipeline(), bound), at));
            return;
        }
        String name = entry.sweeps().get(k).variable().name();
        for (Expr v : values.get(k)) {
            Map<String, Expr> next = new LinkedHashMap<>(bound);
            next.put(name, v);
            combine(entry, values, k + 1, next, v.span(), out);
        }
    }
}
