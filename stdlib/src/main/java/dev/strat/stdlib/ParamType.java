package dev.strat.stdlib;

import java.util.List;

/**
 * The type of a built-in parameter. {@link #accepts} says whether a value fits; range checks
 * live in {@link ParamSpec}.
 */
public sealed interface ParamType {

    /** How the reference docs name the type. */
    String display();

    boolean accepts(Value value);

    /** Any real number; percentages allowed ({@code 40%} is 0.4). */
    record Number() implements ParamType {
        public String display() { return "number"; }
        public boolean accepts(Value v) { return v instanceof Value.Num; }
    }

    /** A whole number written without fraction. */
    record Integer() implements ParamType {
        public String display() { return "integer"; }
        public boolean accepts(Value v) { return v instanceof Value.Num n && n.integral() && !n.percent(); }
    }

    /** A window: a whole number of bars, or a time length converted to bars of the market. */
    record Bars() implements ParamType {
        public String display() { return "bars or length (e.g. 21 or 21d)"; }
        public boolean accepts(Value v) {
            return v instanceof Value.Length || (v instanceof Value.Num n && n.integral() && !n.percent());
        }
    }

    /** A time length such as {@code 2y}. */
    record Length() implements ParamType {
        public String display() { return "length (e.g. 5d, 1mo, 2y)"; }
        public boolean accepts(Value v) { return v instanceof Value.Length; }
    }

    record Bool() implements ParamType {
        public String display() { return "boolean"; }
        public boolean accepts(Value v) { return v instanceof Value.Bool; }
    }

    record Text() implements ParamType {
        public String display() { return "string"; }
        public boolean accepts(Value v) { return v instanceof Value.Str; }
    }

    /** One of a fixed set of names, written bare or quoted. */
    record Choice(List<String> options) implements ParamType {
        public Choice { options = List.copyOf(options); }
        public String display() { return "one of " + String.join(", ", options); }
        public boolean accepts(Value v) {
            return (v instanceof Value.Word w && options.contains(w.name())) || (v instanceof Value.Str s && options.contains(s.text()));
        }
    }

    /** A list of numbers, e.g. {@code [400, 300]}. */
    record NumberList() implements ParamType {
        public String display() { return "list of numbers"; }
        public boolean accepts(Value v) {
            return v instanceof Value.ListOf l && l.items().stream().allMatch(i -> i instanceof Value.Num);
        }
    }

    /** A component of one kind, e.g. {@code net=mlp(64, 64)}. */
    record ComponentOf(ComponentKind kind, boolean autoAllowed) implements ParamType {
        public ComponentOf(ComponentKind kind) { this(kind, false); }
        public String display() { return kind.withArticle() + (autoAllowed ? " or auto" : ""); }
        public boolean accepts(Value v) {
            return v instanceof Value.Call c && c.kind() == kind || autoAllowed && v instanceof Value.Word w && w.name().equals("auto");
        }
    }

    /** A list of components of one kind, e.g. {@code features=[returns(5), weights]}. */
    record ComponentList(ComponentKind kind) implements ParamType {
        public String display() { return "a list of " + kind.plural(); }
        public boolean accepts(Value v) {
            return v instanceof Value.ListOf l && l.items().stream().allMatch(i -> i instanceof Value.Call c && c.kind() == kind);
        }
    }

    /** Names from a fixed set, written as a list {@code [rsi, macd]} or as the single word {@code all}. */
    record WordList(List<String> options, String all) implements ParamType {
        public WordList { options = List.copyOf(options); }
        public String display() { return all + " or a list of " + String.join(", ", options); }
        public boolean accepts(Value v) {
            if (v instanceof Value.Word w) return w.name().equals(all) || options.contains(w.name());
            return v instanceof Value.ListOf l && !l.items().isEmpty()
                    && l.items().stream().allMatch(i -> i instanceof Value.Word w && options.contains(w.name()));
        }
    }
}
