package dev.strat.polyglot;

import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Component;
import dev.strat.stdlib.ComponentType;
import dev.strat.stdlib.StageKind;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns declared user functions into what the registry holds for built-ins, so that the checker,
 * {@code :help}, completion and the reference treat them alike: allocators and transforms become
 * {@link Builtin}s, features, rewards, scorers and indicators {@link Component}s. All functions
 * of a run share one sandboxed context per language, opened when the run starts and closed with it
 * (see {@link Program}).
 */
public final class UserFunctions {

    private UserFunctions() {
    }

    /**
     * A problem with a function's guest code, found without running the program.
     *
     * @param source the file the line and column count in (the .strat file for a block)
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     */
    public record Problem(String source, int line, int column, String message) {
    }

    /**
     * A program's user functions, whose adapters share one {@link GuestRun} per run: build every
     * registry entry of one program through one {@code Program}.
     */
    public static final class Program {
        private final GuestRuns runs;

        private Program(List<FunctionSpec> functions, Sandbox sandbox) {
            this.runs = new GuestRuns(functions, sandbox);
        }

        /** The registry entry for a stage role (allocator, transform), else empty. */
        public Optional<Builtin> builtin(FunctionSpec spec) {
            StageKind kind = switch (spec.role()) {
                case ALLOCATOR -> StageKind.ALLOCATOR;
                case TRANSFORM -> StageKind.TRANSFORM;
                default -> null;
            };
            if (kind == null) return Optional.empty();
            return Optional.of(new Builtin(spec.name(), kind, spec.params(), spec.doc(), doc(spec), "", example(spec),
                    (args, context) -> new GuestStage(call(spec, args, context, "function"))));
        }

        /** The registry entry for a component role (feature, reward, scorer, indicator), else empty. */
        public Optional<Component> component(FunctionSpec spec) {
            Component c = switch (spec.role()) {
                case FEATURE -> new Component(spec.name(), spec.params(), spec.doc(), doc(spec), "", example(spec),
                        ComponentType.FEATURE.factory((args, context) -> new GuestFeature(call(spec, args, context, "feature"))));
                case REWARD -> new Component(spec.name(), spec.params(), spec.doc(), doc(spec), "", example(spec),
                        ComponentType.REWARD.factory((args, context) -> (Supplier<dev.strat.runtime.rl.portfolio.Reward>) () ->
                                new GuestReward(call(spec, args, context, "reward"))));
                case SCORER -> new Component(spec.name(), spec.params(), spec.doc(), doc(spec), "", example(spec),
                        ComponentType.SCORER.factory((args, context) -> new GuestScorer(call(spec, args, context, "scorer"))));
                case INDICATOR -> new Component(spec.name(), spec.params(), spec.doc(), doc(spec), "", example(spec),
                        ComponentType.INDICATOR.factory((args, context) ->
                                List.<dev.strat.runtime.rl.portfolio.FeatureIndicator>of(new GuestIndicator(call(spec, args, context, "indicator")))));
                default -> null;
            };
            return Optional.ofNullable(c);
        }

        /** The stream id is where the function stands and how it is called: stable across runs, distinct between uses. */
        private GuestCall call(FunctionSpec spec, dev.strat.stdlib.Arguments args, dev.strat.stdlib.BuildContext context, String role) {
            return new GuestCall(spec, runs, args, context.market().frequency(), context.path() + "/" + role + "/{label}");
        }

        /** Runs under way now (each holds its contexts): for tests. */
        int openRuns() {
            return runs.open();
        }
    }

    /** The program of {@code functions}, run in {@code sandbox}. */
    public static Program program(List<FunctionSpec> functions, Sandbox sandbox) {
        return new Program(functions, sandbox);
    }

    /** The registry entry for a stage role, as a program of this one function. */
    public static Optional<Builtin> builtin(FunctionSpec spec, Sandbox sandbox) {
        return program(List.of(spec), sandbox).builtin(spec);
    }

    /** The registry entry for a component role, as a program of this one function. */
    public static Optional<Component> component(FunctionSpec spec, Sandbox sandbox) {
        return program(List.of(spec), sandbox).component(spec);
    }

    private static String doc(FunctionSpec spec) {
        return "A user " + spec.role().keyword() + " written in " + spec.language().display() + ", declared at "
                + spec.declaredAt() + "; it runs sandboxed (no files, network, processes or host classes).";
    }

    private static String example(FunctionSpec spec) {
        return switch (spec.role()) {
            case ALLOCATOR -> "strategy s = " + spec.name();
            case TRANSFORM -> "strategy s = ew | " + spec.name();
            case FEATURE -> "agent ppo(features=[returns(5), " + spec.name() + "])";
            case REWARD -> "agent ppo(reward=" + spec.name() + ")";
            case SCORER -> "select top(3) by " + spec.name();
            case INDICATOR -> "agent ppo(features=[ta(indicators=[rsi(14), " + spec.name() + "]), weights])";
        };
    }

    /** True when the build carries the function's language. */
    public static boolean installed(GuestLanguage language) {
        return language.installed();
    }

    /** {@code Interpreted} without Truffle's optimizing compiler, else its name (e.g. {@code GraalVM CE}). */
    public static String engineImplementation() {
        return Engines.implementation();
    }

    /**
     * Checks a function's guest code as {@code strat check} does: it must parse, its top level
     * must run within the sandbox, and it must define a function of the declared name.
     */
    public static Optional<Problem> check(FunctionSpec spec, Sandbox sandbox) {
        if (!spec.language().installed()) {
            return Optional.of(new Problem(spec.source().name(), 0, 0, spec.language().display() + " functions need " + spec.language().missing()));
        }
        try (GuestContext c = GuestContext.open(spec, sandbox)) {
            c.function(spec);
            return Optional.empty();
        } catch (GuestException e) {
            return Optional.of(problem(spec, e));
        }
    }

    private static Problem problem(FunctionSpec spec, GuestException e) {
        return e.location().map(l -> new Problem(l.file(), l.line(), l.column(), e.problem()))
                .orElse(new Problem(spec.source().name(), 0, 0, e.problem()));
    }
}
