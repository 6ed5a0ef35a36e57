package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

import java.util.List;

/** One line of an experiment block. */
public sealed interface ExperimentItem extends Node {

    /** {@code compare ripo, td3 = agent td3(...), crp}. */
    record Compare(List<Entry> entries, Span span) implements ExperimentItem {
        public Compare { entries = List.copyOf(entries); }
    }

    /**
     * One compared strategy; {@code alias} is null unless written {@code alias = pipeline}. With
     * {@code sweeps} it is a sweep, {@code [ripo(m=x) for x in 0, 0.4]}: one entry per value (per
     * combination of values with several {@code for} parts), each named by its pipeline's text.
     */
    record Entry(Ident alias, PipelineExpr pipeline, List<Sweep> sweeps, Span span) implements Node {
        public Entry {
            sweeps = sweeps == null ? List.of() : List.copyOf(sweeps);
        }

        /** A plain entry, not a sweep. */
        public Entry(Ident alias, PipelineExpr pipeline, Span span) {
            this(alias, pipeline, List.of(), span);
        }
    }

    /** {@code for x in 0, 0.4, 0.8}: a sweep's variable and its values. */
    record Sweep(Ident variable, List<Expr> values, Span span) implements Node {
        public Sweep {
            values = List.copyOf(values);
        }
    }

    /** Any other setting: {@code seeds 10}, {@code metrics ar, mdd}, {@code report "out/x"}, {@code warmup 700}... */
    record Option(Setting setting, Span span) implements ExperimentItem { }
}
