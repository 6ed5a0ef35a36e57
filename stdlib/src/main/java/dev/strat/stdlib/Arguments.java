package dev.strat.stdlib;

import dev.strat.runtime.data.Frequency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The checked arguments of one built-in call, defaults filled in. Factories read them with typed
 * getters; the checker has already verified types and ranges, so a getter failing is a bug in a
 * built-in's schema, not a user error.
 */
public final class Arguments {

    private final Map<String, Value> values;

    public Arguments(Map<String, Value> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** Builds arguments from explicit values plus the schema's defaults. */
    public static Arguments of(Builtin builtin, Map<String, Value> given) {
        Map<String, Value> all = new LinkedHashMap<>();
        for (ParamSpec p : builtin.params()) {
            Value v = given.get(p.name());
            if (v == null) v = p.defaultValue();
            if (v != null) all.put(p.name(), v);
        }
        return new Arguments(all);
    }

    public Map<String, Value> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Value get(String name) {
        Value v = values.get(name);
        if (v == null) throw new NoSuchElementException("no argument '" + name + "'");
        return v;
    }

    public double number(String name) {
        return ((Value.Num) get(name)).value();
    }

    public int integer(String name) {
        return (int) number(name);
    }

    /** A window in bars: integers as given, lengths converted on the market's calendar. */
    public int bars(String name, Frequency frequency) {
        return bars(name, frequency, 0);
    }

    /**
     * A window in bars of at least {@code min}: integers as given, lengths converted on the
     * market's calendar. The one place lengths become bars for every built-in and component.
     * Lengths pass the schema check before they are converted, so the minimum is enforced here,
     * with the converted count in the message.
     *
     * @throws BuildException when the length does not convert on this calendar, or is too short
     */
    public int bars(String name, Frequency frequency, int min) {
        Value v = get(name);
        int bars;
        if (v instanceof Value.Length l) {
            try {
                bars = l.length().bars(frequency);
            } catch (IllegalArgumentException e) {
                throw new BuildException("'" + name + "': " + e.getMessage());
            }
        } else {
            bars = (int) ((Value.Num) v).value();
        }
        if (bars < min) {
            String given = v instanceof Value.Length ? v.render() + " is " + bars + " bar" + (bars == 1 ? "" : "s") + " of this market" : "got " + bars;
            throw new BuildException("'" + name + "' must be at least " + min + " bars; " + given);
        }
        return bars;
    }

    public boolean flag(String name) {
        return ((Value.Bool) get(name)).value();
    }

    public String text(String name) {
        Value v = get(name);
        if (v instanceof Value.Str s) return s.text();
        if (v instanceof Value.Word w) return w.name();
        throw new ClassCastException("'" + name + "' is " + v.typeName());
    }

    public double[] numbers(String name) {
        List<Value> items = ((Value.ListOf) get(name)).items();
        double[] out = new double[items.size()];
        for (int k = 0; k < out.length; k++) out[k] = ((Value.Num) items.get(k)).value();
        return out;
    }

    /** Renders the arguments as a call suffix, e.g. {@code (window=5, eps=10)}; empty when none. */
    public String render() {
        if (values.isEmpty()) return "";
        StringBuilder b = new StringBuilder("(");
        values.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append('=').append(v.render()));
        return b.append(')').toString();
    }
}
