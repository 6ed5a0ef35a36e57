package dev.strat.stdlib.builtins;

import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Value;

import java.util.List;

/** Shorthands for parameter schemas shared by the built-in families (windows are read with {@link Arguments#bars}). */
final class Specs {

    static final ParamType BARS = new ParamType.Bars();
    static final ParamType NUMBER = new ParamType.Number();
    static final ParamType INTEGER = new ParamType.Integer();
    static final ParamType NUMBERS = new ParamType.NumberList();

    private Specs() {
    }

    /** A window in bars or a length, at least {@code min} bars. */
    static ParamSpec bars(String name, int defaultBars, int min, String doc) {
        return ParamSpec.optional(name, BARS, integer(defaultBars), min, Double.NaN, doc);
    }

    static ParamSpec number(String name, double defaultValue, double min, double max, String doc) {
        return ParamSpec.optional(name, NUMBER, num(defaultValue), min, max, doc);
    }

    static ParamSpec count(String name, int defaultValue, int min, String doc) {
        return ParamSpec.optional(name, INTEGER, integer(defaultValue), min, Double.NaN, doc);
    }

    /** A fraction written as a percentage by default, e.g. {@code max_weight=100%}. */
    static ParamSpec percent(String name, double defaultFraction, double min, double max, String doc) {
        return ParamSpec.optional(name, NUMBER, new Value.Num(defaultFraction, true, false), min, max, doc);
    }

    static ParamSpec choice(String name, List<String> options, String defaultOption, String doc) {
        return ParamSpec.optional(name, new ParamType.Choice(options), new Value.Word(defaultOption), Double.NaN, Double.NaN, doc);
    }

    static Value.Num integer(long v) {
        return new Value.Num(v, false, true);
    }

    static Value.Num num(double v) {
        return new Value.Num(v, false, v == Math.rint(v) && Math.abs(v) < 1e15);
    }

    /** The report label of a call: the name and every argument, defaults included. */
    static String label(String name, Arguments args) {
        return name + args.render();
    }
}
