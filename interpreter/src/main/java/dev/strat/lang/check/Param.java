package dev.strat.lang.check;

import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Value;

import java.util.Optional;
import java.util.function.Function;

/**
 * A parameter as {@link ArgumentBinder} sees it: built-in {@link ParamSpec}s, and the fixed
 * schemas of the language's own calls ({@code csv}, {@code gbm}, {@code rolling}, {@code wilcoxon})
 * whose types stdlib does not have (dates) or whose arguments may be omitted without a default.
 *
 * @param defaultValue filled in when omitted; may be null for an optional parameter without one
 * @param check        type and range check; an error message without location, or empty
 */
record Param(String name, boolean required, Value defaultValue, Function<Value, Optional<String>> check, ParamType type) {

    Param(String name, boolean required, Value defaultValue, Function<Value, Optional<String>> check) {
        this(name, required, defaultValue, check, null);
    }

    static Param of(ParamSpec spec) {
        return new Param(spec.name(), spec.isRequired(), spec.defaultValue(), spec::check, spec.type());
    }

    static Param required(ParamSpec spec) {
        return new Param(spec.name(), true, null, spec::check, spec.type());
    }

    /** Optional without a default: absent from the bound values when not written. */
    static Param optional(ParamSpec spec) {
        return new Param(spec.name(), false, spec.defaultValue(), spec::check, spec.type());
    }

    static Param custom(String name, boolean required, Function<Value, Optional<String>> check) {
        return new Param(name, required, null, check);
    }
}
