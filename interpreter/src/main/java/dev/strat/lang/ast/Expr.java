package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

import java.time.LocalDate;
import java.util.List;

/** Expressions: literals, names, calls, lists, ranges and a little arithmetic. */
public sealed interface Expr extends Node {

    /**
     * A number. {@code 0.25%} has value 0.0025 and {@code percent}; {@code 1_000_000} and
     * {@code 1e6} have value 1e6; {@code integral} when written without fraction, exponent or %.
     *
     * @param text the literal as written
     */
    record Number(double value, boolean percent, boolean integral, String text, Span span) implements Expr { }

    /** {@code 21d}, {@code 1h}, {@code 2y}, {@code 1mo}, {@code 5w}. */
    record Length(long amount, String unit, Span span) implements Expr { }

    /**
     * {@code 2015-01-01} (DAY) or {@code 2015-01} (MONTH). A bare year such as {@code 2015} is a
     * {@link Number}; the checker reads it as a year where a date is expected.
     */
    record Date(LocalDate date, Precision precision, Span span) implements Expr {
        public enum Precision { MONTH, DAY }
    }

    record Str(String value, Span span) implements Expr { }

    record Bool(boolean value, Span span) implements Expr { }

    /** A bare name: a built-in, a strategy, a market, or a word value such as {@code cdar}. */
    record Name(Ident ident, Span span) implements Expr { }

    /** {@code target.member}, e.g. {@code hrl.hla}. */
    record Member(Expr target, Ident member, Span span) implements Expr { }

    record ListOf(List<Expr> items, Span span) implements Expr {
        public ListOf { items = List.copyOf(items); }
    }

    /** {@code from..to}; either end may be null ({@code ..2021-06-30}, {@code 2021-07-01..}). */
    record Range(Expr from, Expr to, Span span) implements Expr { }

    /** {@code name(args)}; positional arguments have a null name. */
    record Call(Ident callee, List<Arg> args, Span span) implements Expr {
        public Call { args = List.copyOf(args); }
    }

    record Arg(Ident name, Expr value, Span span) implements Node { }

    /** {@code -x}. */
    record Unary(String op, Expr operand, Span span) implements Expr { }

    /** {@code a + b}, {@code a * b}, {@code a >= b}... */
    record Binary(Expr left, String op, Expr right, Span span) implements Expr { }

    /**
     * A list item with stage clauses, {@code hrp(window=30) every 24h}: a pool member with its own
     * schedule. Only pools accept it; anywhere else it is an error.
     */
    record Clauses(Expr target, List<StageExpr.Clause> clauses, Span span) implements Expr {
        public Clauses { clauses = List.copyOf(clauses); }
    }

    /** {@code [body for var in v1, v2, ...]}. */
    record Comprehension(Expr body, Ident variable, List<Expr> values, Span span) implements Expr {
        public Comprehension { values = List.copyOf(values); }
    }
}
