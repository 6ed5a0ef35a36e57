package dev.strat.lang.ast;

import java.util.List;

/** A top-level statement of a .strat file (or one REPL entry). */
public sealed interface Decl extends Node permits
        Decl.Import, Decl.Market, Decl.Costs, Decl.Capital, Decl.Split, Decl.Strategy, Decl.Models,
        Decl.Scenarios, Decl.Goal, Decl.Experiment, Decl.Backtest, Decl.GuestImport, Decl.Function, Decl.Allow {

    /** {@code import "other.strat"}: the definitions of another file. */
    record Import(String path, dev.strat.lang.diag.Span span) implements Decl { }

    /**
     * {@code market NAME = source + source ... clauses}: where prices come from, which symbols,
     * classes and features.
     */
    record Market(Ident name, List<MarketSource> sources, List<MarketClause> clauses, dev.strat.lang.diag.Span span) implements Decl {
        public Market { sources = List.copyOf(sources); clauses = List.copyOf(clauses); }
    }

    /** {@code costs fee 0.25%, slippage 0%..0.1%}: each item a key and a value. */
    record Costs(List<Setting> items, dev.strat.lang.diag.Span span) implements Decl {
        public Costs { items = List.copyOf(items); }
    }

    /** {@code capital 1_000_000}. */
    record Capital(Expr amount, dev.strat.lang.diag.Span span) implements Decl { }

    /** {@code split NAME = train R, valid R, test R} or {@code split NAME = rolling(...)}. */
    record Split(Ident name, SplitSpec spec, dev.strat.lang.diag.Span span) implements Decl { }

    /**
     * {@code strategy NAME = stage | stage | ...}, or with parameters
     * {@code strategy NAME(p = default, ...) = ...}: a use site {@code NAME(p=value)} stands for the
     * pipeline with each bare {@code p} in its argument values replaced by the value.
     *
     * @param params the parameters in order; empty for a plain strategy
     */
    record Strategy(Ident name, List<StrategyParam> params, PipelineExpr pipeline, dev.strat.lang.diag.Span span) implements Decl {
        public Strategy {
            params = params == null ? List.of() : List.copyOf(params);
        }

        /** A strategy without parameters. */
        public Strategy(Ident name, PipelineExpr pipeline, dev.strat.lang.diag.Span span) {
            this(name, List.of(), pipeline, span);
        }
    }

    /**
     * One parameter of a strategy: {@code m = 0.8}.
     *
     * @param defaultValue the default; null only when the program omits it, which the checker reports
     */
    record StrategyParam(Ident name, Expr defaultValue, dev.strat.lang.diag.Span span) { }

    /** {@code models NAME = expr}: a named list of allocators, e.g. a comprehension. */
    record Models(Ident name, Expr value, dev.strat.lang.diag.Span span) implements Decl { }

    /** {@code scenarios NAME = gbm(...)}: Monte Carlo paths. */
    record Scenarios(Ident name, Expr.Call generator, dev.strat.lang.diag.Span span) implements Decl { }

    /** {@code goal wealth >= 1.25 * capital at horizon}. */
    record Goal(Expr condition, Expr at, dev.strat.lang.diag.Span span) implements Decl { }

    /**
     * {@code experiment NAME on MARKET [split S | split inline | rolling(...)] { items }}.
     *
     * @param split a {@link SplitSpec.Named}, an inline spec, or null when the experiment has none
     */
    record Experiment(Ident name, Ident market, SplitSpec split, List<ExperimentItem> items, dev.strat.lang.diag.Span span) implements Decl {
        public Experiment { items = List.copyOf(items); }
    }

    /** {@code backtest PIPELINE on MARKET [split S]}: a one-off run, mostly typed in the REPL. */
    record Backtest(PipelineExpr pipeline, Ident market, SplitSpec split, dev.strat.lang.diag.Span span) implements Decl { }

    /** {@code import js "signals.js"}: guest code that block-less {@code function} declarations take their function from. */
    record GuestImport(Ident language, String path, dev.strat.lang.diag.Span span) implements Decl { }

    /**
     * {@code function ROLE NAME(params) = LANGUAGE ...}: a user function (the code between triple
     * quotes). Without a block its code comes from an {@code import LANGUAGE "file"}.
     *
     * @param code     the block's code, or null when the function is imported
     * @param codeLine the line of the program the code's first line stands on (0 when imported)
     */
    record Function(Ident role, Ident name, List<FunctionParam> params, Ident language, String code, int codeLine,
                    dev.strat.lang.diag.Span span) implements Decl {
        public Function { params = List.copyOf(params); }
    }

    /**
     * One parameter of a user function: {@code lookback: bars = 60 in 2..500}.
     *
     * @param defaultValue the default, or null when the argument is required
     * @param range        the allowed range (a range expression), or null for none
     */
    record FunctionParam(Ident name, Ident type, Expr defaultValue, Expr range, dev.strat.lang.diag.Span span) { }

    /** {@code allow read "dir"}: grants user functions read access to a folder. */
    record Allow(Ident access, String path, dev.strat.lang.diag.Span span) implements Decl { }
}
