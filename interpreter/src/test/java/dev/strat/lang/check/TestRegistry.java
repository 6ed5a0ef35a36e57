package dev.strat.lang.check;

import dev.strat.lang.diag.Source;
import dev.strat.lang.load.InMemorySourceLoader;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small registry with one built-in of each kind the rules distinguish, independent of stdlib. */
final class TestRegistry {

    private TestRegistry() {
    }

    static Builtin builtin(String name, StageKind kind, ParamSpec... params) {
        return new Builtin(name, kind, List.of(params), name + " summary", "", "", "",
                (args, context) -> new CheckFixtures.PassThrough(name + args.render()));
    }

    static final Registry REGISTRY = Registry.builder()
            .add(builtin("alloc", StageKind.ALLOCATOR,
                    ParamSpec.optional("window", new ParamType.Bars(), new Value.Num(5, false, true), 2, 500, "window"),
                    ParamSpec.optional("eta", new ParamType.Number(), new Value.Num(0.05, false, false), 0, 1, "eta"),
                    ParamSpec.optional("mode", new ParamType.Choice(List.of("fast", "slow")), new Value.Word("fast"), Double.NaN, Double.NaN, "mode"),
                    ParamSpec.optional("shift", new ParamType.Number(), new Value.Num(0, false, true), -1, 1, "shift"),
                    ParamSpec.optional("flag", new ParamType.Bool(), new Value.Bool(false), Double.NaN, Double.NaN, "flag"),
                    ParamSpec.optional("label", new ParamType.Text(), new Value.Str(""), Double.NaN, Double.NaN, "label"),
                    ParamSpec.optional("horizon", new ParamType.Length(), new Value.Length(new dev.strat.runtime.data.TimeLength(1, dev.strat.runtime.data.TimeLength.Unit.YEAR)), Double.NaN, Double.NaN, "horizon")))
            .add(builtin("fixed", StageKind.ALLOCATOR,
                    ParamSpec.required("weights", new ParamType.NumberList(), 0, 1, "weights")))
            .add(builtin("pair", StageKind.ALLOCATOR,
                    ParamSpec.required("a", new ParamType.Integer(), 0, 10, "a"),
                    ParamSpec.required("b", new ParamType.Integer(), 0, 10, "b")))
            .add(builtin("learner", StageKind.AGENT))
            .add(builtin("picker", StageKind.SELECT))
            .add(builtin("cap", StageKind.TRANSFORM,
                    ParamSpec.optional("max_weight", new ParamType.Number(), new Value.Num(1, true, false), 0, 1, "max")))
            .add(builtin("rebalance", StageKind.TRANSFORM,
                    ParamSpec.optional("every", new ParamType.Bars(), new Value.Num(1, false, true), 1, Double.NaN, "every")))
            .add(builtin("guard", StageKind.RISK))
            .add(builtin("tune", StageKind.ADAPT))
            .add(builtin("switch", StageKind.SWITCH,
                    ParamSpec.required("policy", new ParamType.Choice(List.of("random", "best")), Double.NaN, Double.NaN, "policy"),
                    ParamSpec.optional("every", new ParamType.Bars(), new Value.Num(1, false, true), 1, Double.NaN, "every")))
            .add(builtin("blend", StageKind.BLEND,
                    ParamSpec.required("policy", new ParamType.Choice(List.of("equal")), Double.NaN, Double.NaN, "policy"),
                    ParamSpec.optional("every", new ParamType.Bars(), new Value.Num(1, false, true), 1, Double.NaN, "every")))
            .add(builtin("hierarchy", StageKind.HIERARCHY,
                    ParamSpec.required("policy", new ParamType.Choice(List.of("equal")), Double.NaN, Double.NaN, "policy"),
                    ParamSpec.optional("every", new ParamType.Bars(), new Value.Num(1, false, true), 1, Double.NaN, "every")))
            .add(builtin("top", StageKind.SELECT,
                    ParamSpec.required("k", new ParamType.Integer(), 1, 100, "k"),
                    ParamSpec.required("by", new ParamType.Choice(List.of("mom", "vol")), Double.NaN, Double.NaN, "by"),
                    ParamSpec.optional("every", new ParamType.Bars(), new Value.Num(1, false, true), 1, Double.NaN, "every")))
            .build();

    static CheckResult check(String text) {
        return check(REGISTRY, text);
    }

    static CheckResult check(Registry registry, String text) {
        return Checker.check(new Source("t.strat", text),
                new CheckContext(registry, new InMemorySourceLoader(Map.of()), Optional.empty()));
    }
}
