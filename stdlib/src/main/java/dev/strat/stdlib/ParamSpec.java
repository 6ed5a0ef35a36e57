package dev.strat.stdlib;

import java.util.Optional;

/**
 * One parameter of a built-in: its name, type, default (null when required), the closed range
 * its numbers must lie in, and a line of documentation. The checker, {@code :help}, completion
 * and the README reference all read these.
 *
 * @param name         the argument name as written ({@code window=5})
 * @param type         the accepted type
 * @param defaultValue the value when omitted, or null when the argument is required
 * @param min          smallest allowed number (inclusive), or NaN for none
 * @param max          largest allowed number (inclusive), or NaN for none
 * @param doc          one line saying what it does
 */
public record ParamSpec(String name, ParamType type, Value defaultValue, double min, double max, String doc) {

    public static ParamSpec required(String name, ParamType type, double min, double max, String doc) {
        return new ParamSpec(name, type, null, min, max, doc);
    }

    public static ParamSpec optional(String name, ParamType type, Value defaultValue, double min, double max, String doc) {
        return new ParamSpec(name, type, defaultValue, min, max, doc);
    }

    /** A call's signature as help shows it, e.g. {@code olmar(window=5, eps=10)}. */
    public static String signature(String name, java.util.List<ParamSpec> params) {
        StringBuilder b = new StringBuilder(name);
        if (params.isEmpty()) return b.toString();
        b.append('(');
        for (int k = 0; k < params.size(); k++) {
            ParamSpec p = params.get(k);
            if (k > 0) b.append(", ");
            b.append(p.name());
            if (p.defaultValue() != null) b.append('=').append(p.defaultValue().render());
        }
        return b.append(')').toString();
    }

    public boolean isRequired() {
        return defaultValue == null;
    }

    /**
     * Checks a value against type and range. Lengths are range-checked after conversion to bars,
     * so only numbers are checked here; list items are checked one by one.
     *
     * @return an error message without location, or empty when the value fits
     */
    public Optional<String> check(Value value) {
        if (!type.accepts(value)) {
            String hint = "";
            if (type instanceof ParamType.Choice c) {   // a misspelt option: name the closest one
                String given = value instanceof Value.Word w ? w.name() : value instanceof Value.Str s ? s.text() : null;
                if (given != null) hint = NameSuggester.closest(given, c.options()).map(o -> "; did you mean '" + o + "'?").orElse("");
            }
            return Optional.of("'" + name + "' expects " + type.display() + ", got " + value.typeName() + " " + value.render() + hint);
        }
        if (value instanceof Value.Num n) return checkRange(n);
        if (value instanceof Value.ListOf l) {
            if (l.items().isEmpty()) return Optional.of("'" + name + "' expects a non-empty list");
            for (Value item : l.items()) {
                Optional<String> e = item instanceof Value.Num n ? checkRange(n) : Optional.empty();
                if (e.isPresent()) return e;
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkRange(Value.Num n) {
        double v = n.value();
        if (!Double.isNaN(min) && v < min || !Double.isNaN(max) && v > max) {
            return Optional.of("'" + name + "' must be " + rangeText() + ", got " + n.render());
        }
        return Optional.empty();
    }

    /** The allowed range as text, e.g. {@code in [0, 1]} or {@code >= 1}. */
    public String rangeText() {
        boolean lo = !Double.isNaN(min), hi = !Double.isNaN(max);
        if (lo && hi) return "in [" + fmt(min) + ", " + fmt(max) + "]";
        if (lo) return ">= " + fmt(min);
        if (hi) return "<= " + fmt(max);
        return "any";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
