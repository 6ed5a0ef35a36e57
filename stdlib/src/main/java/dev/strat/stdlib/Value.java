package dev.strat.stdlib;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.strat.runtime.data.TimeLength;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An evaluated argument value, as the checker hands it to a built-in. Literals of the language
 * map one to one: {@code 0.25%} is a {@link Num} with {@code percent = true} and value 0.0025.
 */
public sealed interface Value {

    /** A human name of the value's type for error messages ("a number", "a list"...). */
    String typeName();

    /** How the value is written in source (canonical form, used by {@code strat fmt} and reports). */
    String render();

    /** A number; {@code integral} when written without fraction or exponent. */
    record Num(double value, boolean percent, boolean integral) implements Value {
        public String typeName() { return percent ? "a percentage" : integral ? "an integer" : "a number"; }
        public String render() {
            if (percent) return trim(value * 100) + "%";
            return integral ? Long.toString((long) value) : trim(value);
        }
        private static String trim(double v) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
            return Double.toString(v);
        }
    }

    /** A length of time such as {@code 21d}. */
    record Length(TimeLength length) implements Value {
        public String typeName() { return "a time length"; }
        public String render() { return length.toString(); }
    }

    /** A calendar date. */
    record Date(LocalDate date) implements Value {
        public String typeName() { return "a date"; }
        public String render() { return date.toString(); }
    }

    /** A quoted string. */
    record Str(String text) implements Value {
        public String typeName() { return "a string"; }
        public String render() { return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"'; }
    }

    /** A bare identifier used as a value, e.g. {@code risk=cdar}. */
    record Word(String name) implements Value {
        public String typeName() { return "a name"; }
        public String render() { return name; }
    }

    /** A boolean {@code true} / {@code false}. */
    record Bool(boolean value) implements Value {
        public String typeName() { return "a boolean"; }
        public String render() { return Boolean.toString(value); }
    }

    /**
     * A checked component call such as {@code mlp(400, 300)} or a bare component name such as
     * {@code weights}.
     *
     * @param name    the component's name
     * @param kind    its kind
     * @param args    every parameter's value, defaults filled in, in parameter order
     * @param written the parameters the source wrote, which {@link #render()} shows
     * @param program the component when the program itself declares it (a user function), else
     *                null: a built-in's factory looks components up in the standard library, which
     *                does not know the program's own
     */
    record Call(String name, ComponentKind kind, Map<String, Value> args, List<String> written, Component program) implements Value {
        public Call {
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
            written = List.copyOf(written);
        }
        /** A call of a standard-library component. */
        public Call(String name, ComponentKind kind, Map<String, Value> args, List<String> written) {
            this(name, kind, args, written, null);
        }
        public String typeName() { return kind.withArticle(); }
        public String render() {
            if (written.isEmpty()) return name;
            return written.stream().map(k -> k + "=" + args.get(k).render()).collect(Collectors.joining(", ", name + "(", ")"));
        }
        public Value arg(String param) {
            Value v = args.get(param);
            if (v == null) throw new IllegalArgumentException(name + " has no value for '" + param + "'");
            return v;
        }
    }

    /** A list {@code [a, b, c]}. */
    record ListOf(List<Value> items) implements Value {
        public ListOf { items = List.copyOf(items); }
        public String typeName() { return "a list"; }
        public String render() { return items.stream().map(Value::render).collect(Collectors.joining(", ", "[", "]")); }
    }
}
