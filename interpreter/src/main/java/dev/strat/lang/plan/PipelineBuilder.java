package dev.strat.lang.plan;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.runtime.experiment.Trainable;
import dev.strat.runtime.pipeline.Pipeline;
import dev.strat.runtime.pipeline.Scheduled;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.runtime.risk.barrier.AdapterStage;
import dev.strat.runtime.risk.barrier.BarrierStage;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildContext;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.MarketInfo;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a checked {@link PipelinePlan} tree into a runtime {@link Pipeline} for one market,
 * children first: a switch's members and a selector's {@code then} stages are built before the
 * composite, whose factory receives them in its {@link BuildContext}. This is where facts that
 * depend on the market are checked: windows written as time lengths are converted to bars of the
 * market's calendar and range-checked, and each built-in's factory may reject arguments that do
 * not fit the universe (e.g. {@code crp} weights of the wrong length). Such failures come back as
 * diagnostics at the stage's span, never as exceptions.
 *
 * <p>Every stage gets a path in its strategy ({@code ripo.agent}, {@code sw.switch.td3},
 * {@code hrl.select}): the stage's kind for agents and composites, its name otherwise, numbered
 * when repeated. Learning stages are listed with their path, in depth-first source order (the
 * order they train in), with the stages that follow them in their own pipeline.
 */
public final class PipelineBuilder {

    private PipelineBuilder() {
    }

    /**
     * A stage that learns, as found in the tree.
     *
     * @param path       where it stands in the strategy: names its saved models
     * @param trainable  the learning stage itself (inside any schedule)
     * @param downstream the already-built stages after it in its own pipeline, when there are any
     * @param every      its decision period in bars (1 unless it carries an {@code every} schedule)
     * @param inTree     true when what it sees depends on stages above it (it stands after a
     *                   selector): it must train inside the whole strategy, not in its own pipeline
     */
    public record Learner(String path, Trainable trainable, Optional<Stage> downstream, int every, boolean inTree) {
    }

    /** Either the pipeline and its learners, or the errors that prevented building it. */
    public record Result(Optional<Pipeline> pipeline, List<Learner> learners, List<Diagnostic> diagnostics) {
        public Result {
            learners = List.copyOf(learners);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean ok() {
            return pipeline.isPresent();
        }
    }

    public static Result build(StrategyPlan strategy, MarketInfo market) {
        return build(strategy.name(), strategy.pipeline(), market);
    }

    public static Result build(String name, PipelinePlan plan, MarketInfo market) {
        List<Diagnostic> errors = new ArrayList<>();
        List<Learner> learners = new ArrayList<>();
        Optional<Pipeline> pipeline = pipeline(name, plan, market, name, errors, learners, false);
        if (!errors.isEmpty()) return new Result(Optional.empty(), List.of(), errors);
        return new Result(pipeline, inTreeOrder(pipeline.orElseThrow(), learners), List.of());
    }

    /**
     * The learners in the order a depth-first walk of the built tree meets them (a stage before
     * its children, children in order): the order they train in, and the order in which two builds
     * of the same plan list them, so a window can hand each learner on to its successor.
     */
    private static List<Learner> inTreeOrder(Stage root, List<Learner> found) {
        java.util.IdentityHashMap<Object, Learner> byStage = new java.util.IdentityHashMap<>();
        for (Learner l : found) byStage.put(l.trainable(), l);
        List<Learner> out = new ArrayList<>();
        java.util.ArrayDeque<Stage> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Stage s = stack.pop();
            Learner l = byStage.remove(s);
            if (l != null) out.add(l);
            List<Stage> children = s.children();
            for (int k = children.size() - 1; k >= 0; k--) stack.push(children.get(k));
        }
        // a composite that does not expose its children still has its learners trained, after the others
        out.addAll(found.stream().filter(l -> byStage.containsKey(l.trainable())).toList());
        return out;
    }

    private static Optional<Pipeline> pipeline(String name, PipelinePlan plan, MarketInfo market, String prefix,
                                               List<Diagnostic> errors, List<Learner> learners, boolean inTree) {
        List<Stage> stages = new ArrayList<>();
        List<Integer> learnerIndex = new ArrayList<>();
        List<Learner> own = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        String before = null;
        for (StageNode node : plan.stages()) {
            String path = prefix + "." + unique(segment(node), used);
            int errorsBefore = errors.size();
            Optional<Stage> built = stage(node, market, path, before, errors, learners, inTree);
            before = node.render();
            if (built.isEmpty() || errors.size() > errorsBefore) continue;
            Stage stage = built.get();
            if (stage instanceof AdapterStage adapter) {
                Optional<String> problem = attach(adapter, stages);
                if (problem.isPresent()) {
                    errors.add(Diagnostic.error(node.span(), problem.get()));
                    continue;
                }
            }
            Stage inner = stage instanceof Scheduled s ? s.inner() : stage;
            if (inner instanceof Trainable t) {
                int every = stage instanceof Scheduled s ? s.every() : 1;
                learnerIndex.add(stages.size());
                own.add(new Learner(path, t, Optional.empty(), every, inTree));
            }
            stages.add(stage);
        }
        if (!errors.isEmpty()) return Optional.empty();
        // a learner trains with the stages after it in its own pipeline (its environment loop)
        for (int k = 0; k < own.size(); k++) {
            int at = learnerIndex.get(k);
            List<Stage> after = stages.subList(at + 1, stages.size());
            Learner l = own.get(k);
            Optional<Stage> downstream = after.isEmpty() ? Optional.empty()
                    : Optional.of(after.size() == 1 ? after.get(0) : new Pipeline(l.path() + " (after)", after));
            own.set(k, new Learner(l.path(), l.trainable(), downstream, l.every(), l.inTree()));
        }
        // depth-first source order: a composite's learners (added while building it) come before later siblings
        learners.addAll(own);
        return Optional.of(new Pipeline(name, stages));
    }

    /**
     * Attaches an adapt stage's adapter to the nearest barrier stage before it in its pipeline
     * (looking into an inlined strategy's stages), so that ARS sets the bound before that stage
     * solves and DCM scales its correction. A second adapter of one kind on the same stage is refused.
     */
    private static Optional<String> attach(AdapterStage adapter, List<Stage> before) {
        String name = adapter.adapter().name();
        BarrierStage target = nearestBarrier(before);
        if (target == null) {
            return Optional.of("'" + name + "' adapts a barrier risk stage, but there is none before it in this pipeline");
        }
        try {
            target.attach(adapter.adapter());
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of("'" + name + "' is attached twice to '" + target.label() + "': a risk stage takes one "
                    + name + "; remove one of them");
        }
    }

    private static BarrierStage nearestBarrier(List<Stage> stages) {
        for (int k = stages.size() - 1; k >= 0; k--) {
            Stage s = stages.get(k) instanceof Scheduled sc ? sc.inner() : stages.get(k);
            if (s instanceof BarrierStage b) return b;
            if (s instanceof Pipeline p) {
                BarrierStage inner = nearestBarrier(p.stages());
                if (inner != null) return inner;
            }
        }
        return null;
    }

    private static Optional<Stage> stage(StageNode node, MarketInfo market, String path, String before,
                                         List<Diagnostic> errors, List<Learner> learners, boolean inTree) {
        int errorsBefore = errors.size();
        Optional<String> lengthError = checkLengths(node.args(), node, market);
        if (lengthError.isPresent()) {
            errors.add(Diagnostic.error(node.span(), lengthError.get()));
            return Optional.empty();
        }
        List<Stage> members = new ArrayList<>();
        List<String> memberNames = new ArrayList<>();
        Map<String, Integer> usedMembers = new HashMap<>();
        boolean sleeves = node.builtin().kind() == StageKind.HIERARCHY;
        for (StageNode.Member m : node.members()) {
            String memberPath = path + "." + unique(memberSegment(m.name()), usedMembers);
            // a hierarchy's part allocates within its asset class: it is built for (and learns on) that class only
            MarketInfo seen = market;
            if (sleeves) {
                List<String> assets = market.classes().get(m.name());
                if (assets == null) {
                    errors.add(Diagnostic.error(m.span(), "the market has no asset class '" + m.name() + "'"
                            + (market.classes().isEmpty() ? ": declare classes on the market, e.g. classes crypto: [BTC, ETH]"
                            : "; its classes are " + String.join(", ", market.classes().keySet()))));
                    continue;
                }
                seen = new MarketInfo(assets, Map.of(), market.frequency());
            }
            Optional<Pipeline> p = pipeline(m.name(), m.pipeline(), seen, memberPath, errors, learners, inTree || sleeves);
            p.ifPresent(pl -> {
                members.add(pl.stages().size() == 1 ? pl.stages().get(0) : pl);
                memberNames.add(m.name());
            });
        }
        Map<String, Stage> roles = new LinkedHashMap<>();
        for (Map.Entry<String, PipelinePlan> role : node.roles().entrySet()) {
            // the stages after a selector see its picks: a universe of k slots, named by position
            boolean picks = role.getKey().equals(StageNode.THEN) && node.builtin().kind() == StageKind.SELECT;
            MarketInfo seen = picks ? slots(node, market) : market;
            String prefix = path.substring(0, path.lastIndexOf('.'));
            pipeline(role.getKey(), role.getValue(), seen, prefix, errors, learners, inTree || picks)
                    .ifPresent(p -> roles.put(role.getKey(), p.stages().size() == 1 ? p.stages().get(0) : p));
        }
        // a child that failed to build is reported already; its parent cannot be built without it
        if (errors.size() > errorsBefore) return Optional.empty();
        try {
            BuildContext context = new BuildContext(market, path, members, memberNames, roles, Optional.ofNullable(before));
            Stage stage = node.builtin().factory().create(node.args(), context);
            if (stage == null) {
                errors.add(Diagnostic.error(node.span(), "'" + node.builtin().name() + "' could not be built"));
                return Optional.empty();
            }
            if (node.every().isPresent()) {
                Value period = node.every().get();
                int bars = period instanceof Value.Length l ? l.length().bars(market.frequency()) : (int) ((Value.Num) period).value();
                return Optional.of(new Scheduled(stage, Math.max(1, bars), period.render()));
            }
            return Optional.of(stage);
        } catch (BuildException e) {
            errors.add(Diagnostic.error(node.span(), e.getMessage()));
        } catch (RuntimeException e) {
            String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
            errors.add(Diagnostic.error(node.span(), "cannot build '" + node.builtin().name() + "' for market with "
                    + market.assets() + " assets: " + why));
        }
        return Optional.empty();
    }

    /** The universe the stages after a selector see: its k picks, named slot1..slotk. */
    private static MarketInfo slots(StageNode select, MarketInfo market) {
        int k = select.args().has("k") ? select.args().integer("k") : market.assets();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= k; i++) names.add("slot" + i);
        return new MarketInfo(names, Map.of(), market.frequency());
    }

    /** A stage's path segment: the kind for agents and composites, the built-in's name otherwise. */
    private static String segment(StageNode node) {
        return switch (node.builtin().kind()) {
            case AGENT, SELECT, SWITCH, BLEND, HIERARCHY, RISK -> node.builtin().kind().keyword();
            default -> node.builtin().name();
        };
    }

    /**
     * A member's path segment: its name when it is a plain name (a strategy, a bare built-in),
     * otherwise the called built-in's name ({@code olmar(window=5)} is {@code olmar}, numbered
     * when repeated), so saved models get file names people can read.
     */
    private static String memberSegment(String name) {
        String plain = name.replace("#", "");
        if (plain.matches("[A-Za-z_][A-Za-z0-9_]*")) return plain;
        int paren = name.indexOf('(');
        return paren > 0 ? name.substring(0, paren) : "member";
    }

    private static String unique(String segment, Map<String, Integer> used) {
        int n = used.merge(segment, 1, Integer::sum);
        return n == 1 ? segment : segment + n;
    }

    /**
     * Lengths given for bar-count parameters are range-checked only now, once the market's
     * calendar says how many bars they span.
     */
    private static Optional<String> checkLengths(Arguments args, StageNode node, MarketInfo market) {
        for (ParamSpec p : node.builtin().params()) {
            if (!(p.type() instanceof ParamType.Bars) || !args.has(p.name())) continue;
            if (!(args.get(p.name()) instanceof Value.Length l)) continue;
            int bars;
            try {
                bars = l.length().bars(market.frequency());
            } catch (IllegalArgumentException e) {
                return Optional.of("'" + p.name() + "' of '" + node.builtin().name() + "': " + e.getMessage());
            }
            Optional<String> range = p.check(new Value.Num(bars, false, true));
            if (range.isPresent()) {
                return Optional.of(range.get() + " (" + l.render() + " is " + bars + (bars == 1 ? " bar" : " bars") + " of "
                        + market.frequency().label() + ")");
            }
        }
        return Optional.empty();
    }
}
