package dev.strat.lang.check;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.Ident;
import dev.strat.lang.ast.PipelineExpr;
import dev.strat.lang.ast.StageExpr;
import dev.strat.lang.diag.Span;
import dev.strat.lang.plan.PipelinePlan;
import dev.strat.lang.plan.StageNode;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves pipelines: each stage to a built-in call with checked arguments, strategies used as
 * stages inlined (cycles between strategies reported), and the composition rules of
 * {@link StageKind} enforced:
 * <ul>
 *   <li>a kind keyword, when written, must match the built-in's kind;</li>
 *   <li>the first stage must start a pipeline, and no later stage may (it would ignore the proposal before it);</li>
 *   <li>an adapt stage needs a risk stage earlier in the pipeline.</li>
 * </ul>
 * Stage clauses: {@code every LEN} on a stage that starts a pipeline consults that stage only
 * every LEN (it holds its drifted weights in between), checked like {@code rebalance}'s
 * {@code every} argument; other clauses ({@code over}, {@code by},
 * {@code train}, {@code on}) and blocks are not supported yet and are reported as such.
 */
final class PipelineResolver {

    /** Kinds that have a keyword in the grammar; allocators and transforms are written without one. */
    private static final java.util.Set<StageKind> WRITTEN_KINDS = java.util.EnumSet.of(StageKind.AGENT, StageKind.MODEL,
            StageKind.RISK, StageKind.ADAPT, StageKind.SELECT, StageKind.SWITCH, StageKind.BLEND, StageKind.HIERARCHY);

    private final Registry registry;
    private final Namespace namespace;
    private final Reporter r;
    private final Map<String, Optional<PipelinePlan>> strategies = new HashMap<>();
    private final List<String> resolving = new ArrayList<>();

    PipelineResolver(Registry registry, Namespace namespace, Reporter r) {
        this.registry = registry;
        this.namespace = namespace;
        this.r = r;
    }

    /** One written stage after resolution: a built-in (maybe with a rebalance) or an inlined strategy. */
    private record Piece(String name, Span span, List<StageNode> nodes) {
        StageKind firstKind() {
            return nodes.get(0).builtin().kind();
        }

        boolean hasRisk() {
            return nodes.stream().anyMatch(n -> n.builtin().kind() == StageKind.RISK);
        }
    }

    /** The resolved pipeline of a declared strategy; errors are reported once however often it is used. */
    Optional<PipelinePlan> strategy(Decl.Strategy decl) {
        return strategy(decl.name().name(), decl.name().span());
    }

    private Optional<PipelinePlan> strategy(String name, Span useSpan) {
        Optional<PipelinePlan> done = strategies.get(name);
        if (done != null) return done;
        int at = resolving.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(resolving.subList(at, resolving.size()));
            cycle.add(name);
            r.error(useSpan, "strategy cycle: " + String.join(" -> ", cycle), "a strategy cannot use itself, directly or through others");
            return Optional.empty();
        }
        Optional<Namespace.Entry> entry = namespace.find(name, Namespace.Kind.STRATEGY);
        if (entry.isEmpty() || !(entry.get().decl() instanceof Decl.Strategy decl)) return Optional.empty();
        resolving.add(name);
        Optional<PipelinePlan> plan = decl.pipeline() == null ? Optional.empty() : resolve(decl.pipeline());
        resolving.remove(resolving.size() - 1);
        strategies.put(name, plan);
        return plan;
    }

    /** Resolves and checks a pipeline; empty when anything in it is wrong (and reported). */
    Optional<PipelinePlan> resolve(PipelineExpr pipeline) {
        if (pipeline.stages().isEmpty()) {
            r.error(pipeline.span(), "a pipeline needs at least one stage");
            return Optional.empty();
        }
        List<Piece> pieces = new ArrayList<>();
        boolean ok = true;
        for (StageExpr stage : pipeline.stages()) {
            Optional<Piece> piece = stage(stage);
            pieces.add(piece.orElse(null));
            ok &= piece.isPresent();
        }
        boolean riskBefore = false;
        boolean unknownBefore = false;
        boolean onlySelectBefore = true;
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            if (p == null) {
                unknownBefore = true;
                continue;
            }
            StageKind kind = p.firstKind();
            if (k == 0 && !kind.startsPipeline()) {
                r.error(p.span(), "'" + p.name() + "' needs a proposal before it: put an allocator first",
                        "'" + p.name() + "' is " + StageKinds.withArticle(kind) + ", which adjusts the weights of the stage before it");
                ok = false;
            } else if (k > 0 && kind.startsPipeline() && !unknownBefore && !onlySelectBefore) {
                r.error(p.span(), "'" + p.name() + "' ignores the proposal before it: only the first stage of a pipeline may be "
                        + StageKinds.withArticle(kind), "start a separate strategy with it, or compare the two");
                ok = false;
            } else if (k > 0 && kind == StageKind.ADAPT && !riskBefore && !unknownBefore) {
                r.error(p.span(), "'" + p.name() + "' adapts a risk stage, but there is none before it",
                        "put a risk stage before it, e.g. '| risk barrier(...) | adapt " + p.name() + "(...)'");
                ok = false;
            }
            riskBefore |= p.hasRisk();
            // a selector narrows the universe for the allocator after it, so that one may start afresh
            onlySelectBefore &= p.nodes().stream().allMatch(n -> n.builtin().kind() == StageKind.SELECT);
        }
        if (!ok) return Optional.empty();
        List<StageNode> nodes = new ArrayList<>();
        for (Piece p : pieces) nodes.addAll(p.nodes());
        return Optional.of(new PipelinePlan(nodes));
    }

    private Optional<Piece> stage(StageExpr stage) {
        Ident callee;
        List<Expr.Arg> args;
        boolean call;
        switch (stage.target()) {
            case Expr.Call c -> {
                callee = c.callee();
                args = c.args();
                call = true;
            }
            case Expr.Name n -> {
                callee = n.ident();
                args = List.of();
                call = false;
            }
            case Expr.Member m -> {
                r.error(m.span(), "qualified names such as '" + AstText.expr(m) + "' are not supported yet");
                return Optional.empty();
            }
            case null -> {
                r.error(stage.span(), "expected a built-in or strategy name");
                return Optional.empty();
            }
            default -> {
                r.error(stage.target().span(), "expected a built-in or strategy name, not " + AstText.describe(stage.target()));
                return Optional.empty();
            }
        }
        String name = callee.name();
        Optional<Namespace.Entry> declared = namespace.find(name);
        if (!call && declared.isPresent()) {
            Namespace.Entry e = declared.get();
            if (e.kind() == Namespace.Kind.STRATEGY) return inlined(stage, callee);
            if (registry.find(name).isEmpty()) {
                r.error(callee.span(), "'" + name + "' is " + e.kind().described() + ", not a strategy or built-in"
                        + (e.kind() == Namespace.Kind.MODELS ? " (models declarations are not runnable yet)" : ""));
                return Optional.empty();
            }
        }
        Optional<Builtin> found = registry.find(name);
        if (found.isEmpty() && registry.findComponent(name).isPresent()) {
            var component = registry.findComponent(name).get();
            r.error(callee.span(), "'" + name + "' is " + component.kind().withArticle() + ", not a pipeline stage",
                    switch (component.kind()) {
                        case NETWORK -> "use it as an argument of an agent, e.g. agent td3(net=" + component.name() + "(...))";
                        case ACTIONS -> "use it as an argument of an agent, e.g. agent ppo(actions=" + component.name() + ")";
                        case FEATURE -> "use it as an argument of an agent, e.g. agent td3(features=[" + component.name() + "])";
                        case REWARD -> "use it as an argument of an agent, e.g. agent ppo(reward=" + component.name() + ")";
                        case POLICY -> "use it as the policy of a switch or blend, e.g. switch " + component.name() + " over [ucrp, bah]";
                        case SCORER -> "use it to rank assets for a selector, e.g. select top(5) by " + component.name() + " | ucrp";
                    });
            return Optional.empty();
        }
        if (found.isEmpty()) {
            if (call && declared.filter(e -> e.kind() == Namespace.Kind.STRATEGY).isPresent()) {
                r.error(callee.span(), "strategy '" + name + "' takes no arguments", "write it without parentheses: " + name);
            } else if (!namespace.isBroken(name)) {
                List<String> candidates = new ArrayList<>(registry.names());
                candidates.addAll(namespace.names(Namespace.Kind.STRATEGY));
                r.unknown(callee.span(), "'" + name + "' is not a known built-in" + (call ? "" : " or strategy"), name, candidates);
            }
            // clauses and blocks of an unknown name would only repeat the problem
            return Optional.empty();
        }
        Builtin builtin = found.get();
        boolean ok = true;
        if (stage.kind() != null) ok = kindMatches(stage.kind(), builtin);
        Optional<Map<String, Value>> bound = ArgumentBinder.bind(builtin, callee.span(), args, registry, r);
        ok &= bound.isPresent();
        List<StageNode> nodes = new ArrayList<>();
        if (bound.isPresent()) nodes.add(new StageNode(builtin, Arguments.of(builtin, bound.get()), stage.span()));
        ok &= clauses(stage, builtin, nodes);
        if (!stage.block().isEmpty()) {
            r.error(stage.block().get(0).span(), "a block { ... } is not supported for '" + name + "' yet");
            ok = false;
        }
        return ok ? Optional.of(new Piece(name, stage.span(), nodes)) : Optional.empty();
    }

    private Optional<Piece> inlined(StageExpr stage, Ident callee) {
        String name = callee.name();
        if (stage.kind() != null) {
            // the user most likely means a built-in of that name; clauses and the strategy itself are beside the point
            r.error(stage.kind().span(), "'" + stage.kind().name() + "' cannot qualify the strategy '" + name
                    + "': kind keywords belong to built-ins", registry.find(name).isEmpty()
                    ? "there is no built-in '" + name + "'" : null);
            return Optional.empty();
        }
        boolean ok = reportUnsupportedClauses(stage, name);
        Optional<PipelinePlan> plan = strategy(name, callee.span());
        if (!ok || plan.isEmpty()) return Optional.empty();
        return Optional.of(new Piece(name, stage.span(), plan.get().stages()));
    }

    /** Reports every clause and block as unsupported; returns whether there were none. */
    private boolean reportUnsupportedClauses(StageExpr stage, String name) {
        boolean ok = true;
        for (StageExpr.Clause c : stage.clauses()) {
            r.error(c.keyword().span(), "'" + c.keyword().name() + "' is not supported for "
                    + "the strategy '" + name + "'");
            ok = false;
        }
        if (!stage.block().isEmpty()) {
            r.error(stage.block().get(0).span(), "a block { ... } is not supported for '" + name + "' yet");
            ok = false;
        }
        return ok;
    }

    private boolean kindMatches(Ident keyword, Builtin builtin) {
        Optional<StageKind> written = StageKinds.byKeyword(keyword.name());
        if (written.isEmpty()) {
            r.unknownOrList(keyword.span(), "unknown stage kind '" + keyword.name() + "'", keyword.name(), StageKinds.keywords(), "kinds");
            return false;
        }
        if (written.get() != builtin.kind()) {
            r.error(keyword.span(), "'" + builtin.name() + "' is " + StageKinds.withArticle(builtin.kind()) + ", not "
                    + StageKinds.withArticle(written.get()),
                    WRITTEN_KINDS.contains(builtin.kind())
                            ? "write '" + builtin.kind().keyword() + " " + builtin.name() + "' or leave the keyword out"
                            : "leave the keyword out");
            return false;
        }
        return true;
    }

    /** Puts {@code every} on the stage's node and rejects the clauses that mean nothing yet. */
    private boolean clauses(StageExpr stage, Builtin builtin, List<StageNode> nodes) {
        boolean ok = true;
        Span every = null;
        for (StageExpr.Clause c : stage.clauses()) {
            String keyword = c.keyword().name();
            if (!keyword.equals("every")) {
                r.error(c.keyword().span(), "'" + keyword + "' is not supported for '" + builtin.name() + "'",
                        switch (keyword) {
                            case "over", "by", "train", "on" -> "'" + keyword + "' belongs to switch, blend, select and hierarchy stages, which are not available yet";
                            default -> null;
                        });
                ok = false;
                continue;
            }
            if (!builtin.kind().startsPipeline()) {
                r.error(c.keyword().span(), "'every' is not supported for '" + builtin.name() + "'",
                        "'every' sets how often an allocator rebalances; put it after the allocator at the start of the pipeline");
                ok = false;
                continue;
            }
            if (every != null) {
                r.error(c.keyword().span(), "'every' is given twice", "first given at " + every.location());
                ok = false;
                continue;
            }
            every = c.keyword().span();
            Optional<Builtin> rebalance = registry.find("rebalance");
            if (rebalance.isEmpty() || rebalance.get().param("every").isEmpty()) {
                r.error(c.keyword().span(), "'every' needs the built-in 'rebalance(every=...)', which is not registered");
                ok = false;
                continue;
            }
            // rebalance(every=0) means "no calendar"; as a schedule sugar that says nothing, so it needs a real period
            if (c.value() instanceof Expr.Number n && n.value() < 1 && !n.percent()) {
                r.error(c.value().span(), "'every' needs a period of at least 1 bar, got " + n.text(),
                        "e.g. 'every 5' (bars) or 'every 1w'");
                ok = false;
                continue;
            }
            Builtin rb = rebalance.get();
            List<Expr.Arg> args = List.of(new Expr.Arg(new Ident("every", c.keyword().span()), c.value(), c.span()));
            Optional<Map<String, Value>> bound = ArgumentBinder.bind(rb, c.keyword().span(), args, r);
            if (bound.isEmpty()) {
                ok = false;
                continue;
            }
            // the stage itself is consulted on the schedule: re-solving a model monthly, not daily
            if (!nodes.isEmpty()) nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1).withEvery(bound.get().get("every")));
        }
        return ok;
    }
}
