package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

import java.util.List;

/** One line of an experiment block. */
public sealed interface ExperimentItem extends Node {

    /** {@code compare ripo, td3 = agent td3(...), crp}. */
    record Compare(List<Entry> entries, Span span) implements ExperimentItem {
        public Compare { entries = List.copyOf(entries); }
    }

    /** One compared strategy; {@code alias} is null unless written {@code alias = pipeline}. */
    record Entry(Ident alias, PipelineExpr pipeline, Span span) implements Node { }

    /** Any other setting: {@code seeds 10}, {@code metrics ar, mdd}, {@code report "out/x"}, {@code warmup 700}... */
    record Option(Setting setting, Span span) implements ExperimentItem { }
}
