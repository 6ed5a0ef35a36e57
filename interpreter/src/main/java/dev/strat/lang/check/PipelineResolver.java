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
import dev.strat.stdlib.builtins.LearnedPolicies;
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
 * The plan is a tree. {@code switch POLICY every K over POOL} and {@code blend POLICY every K over
 * POOL} become the registry's {@code switch}/{@code blend} built-in with the policy and period as
 * arguments and the pool's pipelines as members; {@code select top(k) by SCORER every K | REST}
 * becomes the selector with {@code REST} as its {@link StageNode#THEN} child. A clause whose
 * keyword is a parameter of the built-in ({@code every}, {@code by}) binds as that argument; an
 * {@code every} on any other stage that starts a pipeline consults that stage only every LEN (it
 * holds its drifted weights in between), checked like {@code rebalance}'s {@code every} argument.
 *
 * <p>Pools are typed values: a list of stages or strategy names, a {@code models} name, a
 * comprehension {@code [olmar(window=w) for w in [3, 5, 10]]}, and sums of those with {@code +}.
 *
 * <p>A strategy with parameters ({@code strategy ripo(m = 0.8) = ...}) resolves with its defaults
 * where it is declared and wherever its bare name stands; a use {@code ripo(m=0.4)} resolves the
 * declaration's pipeline again with the written values in place ({@link StrategyParams}).
 */
final class PipelineResolver {

    /** Kinds that have a keyword in the grammar; allocators and transforms are written without one. */
    private static final java.util.Set<StageKind> WRITTEN_KINDS = java.util.EnumSet.of(StageKind.AGENT, StageKind.MODEL,
            StageKind.RISK, StageKind.ADAPT, StageKind.SELECT, StageKind.SWITCH, StageKind.BLEND, StageKind.HIERARCHY);

    private final Registry registry;
    private final Namespace namespace;
    /** Where problems go; an instance of a parameterised strategy swaps in its own for a while (see {@link #instance}). */
    private Reporter r;
    private final Map<String, Optional<PipelinePlan>> strategies = new HashMap<>();
    private final List<String> resolving = new ArrayList<>();
    private final Map<String, Optional<List<StageNode.Member>>> pools = new HashMap<>();

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

        boolean endsWithSelect() {
            StageNode last = nodes.get(nodes.size() - 1);
            return last.builtin().kind() == StageKind.SELECT && last.roles().isEmpty();
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
        Optional<PipelinePlan> plan = Optional.empty();
        if (decl.pipeline() != null) {
            // the parameters first: with one wrong the pipeline would only repeat it (a bare name where a value goes)
            if (StrategyParams.check(decl, registry, namespace, r)) {
                plan = resolve(Substitution.replace(decl.pipeline(), StrategyParams.defaults(decl)));
            }
        }
        resolving.remove(resolving.size() - 1);
        strategies.put(name, plan);
        return plan;
    }

    /**
     * A use of a parameterised strategy, {@code ripo(m=0.4)}: the declaration's pipeline with the
     * written values in place of the parameters and the defaults elsewhere. It resolves only when
     * the declaration does with its defaults, so every problem it finds comes from the values
     * written here: one located in a value stays there; one located in the declaration (a rule
     * about two arguments together, say) moves to this use, with the declaration's place in the hint.
     */
    private Optional<Piece> instance(StageExpr stage, Expr.Call use) {
        String name = use.callee().name();
        if (stage.kind() != null) {
            r.error(stage.kind().span(), "'" + stage.kind().name() + "' cannot qualify the strategy '" + name
                    + "': kind keywords belong to built-ins");
            return Optional.empty();
        }
        boolean ok = reportUnsupportedClauses(stage, name);
        Optional<Namespace.Entry> entry = namespace.find(name, Namespace.Kind.STRATEGY);
        if (entry.isEmpty() || !(entry.get().decl() instanceof Decl.Strategy decl)) return Optional.empty();
        if (decl.params().isEmpty()) {
            r.error(use.callee().span(), "strategy '" + name + "' takes no arguments", "write it without parentheses: " + name
                    + ", or give it parameters: strategy " + name + "(p = 1) = ...");
            return Optional.empty();
        }
        Optional<Map<String, Expr>> values = StrategyParams.bind(decl, use, r);
        Optional<PipelinePlan> declared = strategy(name, use.callee().span());
        if (!ok || values.isEmpty() || declared.isEmpty() || decl.pipeline() == null) return Optional.empty();
        Reporter outer = r;
        r = new Reporter();
        resolving.add(name);
        Optional<PipelinePlan> plan;
        try {
            plan = resolve(Substitution.replace(decl.pipeline(), values.get()));
        } finally {
            resolving.remove(resolving.size() - 1);
            Reporter inner = r;
            r = outer;
            r.addAll(StrategyParams.locate(inner.diagnostics(), use, decl));
        }
        // what building the stages finds wrong (bounds no portfolio meets, windows too short) is shown at this use
        return plan.map(p -> new Piece(name, stage.span(), p.stages().stream().map(n -> new StageNode(n.builtin(), n.args(), use.span(),
                n.every(), n.members(), n.roles())).toList()));
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
        // the adapters already attached to the latest risk stage: each kind attaches once
        java.util.Set<String> adapted = new java.util.HashSet<>();
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
            if (k > 0 && pieces.get(k - 1) != null && pieces.get(k - 1).endsWithSelect() && !kind.startsPipeline()) {
                r.error(p.span(), "after '" + pieces.get(k - 1).name() + "' comes the stage that divides the picks, not "
                        + StageKinds.withArticle(kind), "e.g. '| ucrp' or '| agent ppo(...)', then '| " + p.name() + "(...)'");
                ok = false;
            }
            for (StageNode n : p.nodes()) {
                if (n.builtin().kind() == StageKind.RISK) {
                    adapted.clear();
                } else if (n.builtin().kind() == StageKind.ADAPT && !adapted.add(n.builtin().name())
                        && p.nodes().size() == 1 && riskBefore) {
                    r.error(p.span(), "'" + p.name() + "' is attached twice to the risk stage before it",
                            "a risk stage takes one '" + n.builtin().name() + "': remove one of them");
                    ok = false;
                }
            }
            riskBefore |= p.hasRisk();
            // a selector narrows the universe for the allocator after it, so that one may start afresh
            onlySelectBefore &= p.nodes().stream().allMatch(n -> n.builtin().kind() == StageKind.SELECT);
        }
        if (!ok) return Optional.empty();
        return Optional.of(new PipelinePlan(nest(pieces)));
    }

    /**
     * The nodes of resolved pieces; everything after a selector becomes the selector's
     * {@link StageNode#THEN} child, since it allocates among the selector's picks.
     */
    private List<StageNode> nest(List<Piece> pieces) {
        List<StageNode> nodes = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            StageNode last = p.nodes().get(p.nodes().size() - 1);
            if (last.builtin().kind() != StageKind.SELECT || k == pieces.size() - 1 || !last.roles().isEmpty()) {
                nodes.addAll(p.nodes());
                continue;
            }
            List<Piece> rest = pieces.subList(k + 1, pieces.size());
            nodes.addAll(p.nodes().subList(0, p.nodes().size() - 1));
            nodes.add(last.withRole(StageNode.THEN, new PipelinePlan(nest(rest))));
            return nodes;
        }
        return nodes;
    }

    private Optional<Piece> stage(StageExpr stage) {
        if (stage.kind() != null) {
            Optional<StageKind> written = StageKinds.byKeyword(stage.kind().name());
            if (written.isPresent() && (written.get() == StageKind.SWITCH || written.get() == StageKind.BLEND
                    || written.get() == StageKind.HIERARCHY)) {
                return composite(stage, written.get());
            }
        }
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
                r.error(callee.span(), "'" + name + "' is " + e.kind().described() + ", not a strategy or built-in",
                        e.kind() == Namespace.Kind.MODELS ? "a pool is a list of stages: compare it, or choose among it with "
                                + "'switch random every 5 over " + name + "'" : null);
                return Optional.empty();
            }
        }
        if (call && declared.filter(e -> e.kind() == Namespace.Kind.STRATEGY).isPresent() && registry.find(name).isEmpty()) {
            return instance(stage, (Expr.Call) stage.target());
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
                        case INDICATOR -> "use it in the ta feature of an agent, e.g. agent td3(features=[ta(indicators=["
                                + component.name() + "])])";
                        case PREDICTOR -> "use it as the forecast of a risk stage, e.g. risk barrier(predictor=" + component.name() + ")";
                    });
            return Optional.empty();
        }
        if (found.isEmpty()) {
            if (!namespace.isBroken(name)) {
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
        // clauses named like a parameter ('every' of a selector, 'by') are that argument
        List<Expr.Arg> all = new ArrayList<>(args);
        List<StageExpr.Clause> schedule = new ArrayList<>();
        ok &= clauseArguments(stage, builtin, all, schedule);
        Optional<Map<String, Value>> bound = ArgumentBinder.bind(builtin, callee.span(), all, registry, r);
        ok &= bound.isPresent();
        List<StageNode> nodes = new ArrayList<>();
        if (bound.isPresent()) nodes.add(new StageNode(builtin, Arguments.of(builtin, bound.get()), stage.span()));
        ok &= schedule(schedule, builtin, nodes);
        if (!stage.block().isEmpty()) {
            r.error(stage.block().get(0).span(), "a block { ... } is not supported for '" + name + "' yet",
                    "named parts arrive with hierarchical agents (HADAPS)");
            ok = false;
        }
        return ok ? Optional.of(new Piece(name, stage.span(), nodes)) : Optional.empty();
    }

    /**
     * Sorts a stage's clauses: those whose keyword is a parameter of the built-in join its
     * arguments; {@code every} on any other stage goes to {@code schedule}; the rest are errors.
     */
    private boolean clauseArguments(StageExpr stage, Builtin builtin, List<Expr.Arg> args, List<StageExpr.Clause> schedule) {
        boolean ok = true;
        Map<String, Span> seen = new HashMap<>();
        for (StageExpr.Clause c : stage.clauses()) {
            String keyword = c.keyword().name();
            Span first = seen.putIfAbsent(keyword, c.keyword().span());
            if (first != null) {
                r.error(c.keyword().span(), "'" + keyword + "' is given twice", "first given at " + first.location());
                ok = false;
                continue;
            }
            if (builtin.param(keyword).isPresent()) {
                args.add(new Expr.Arg(c.keyword(), c.value(), c.span()));
            } else if (keyword.equals("every")) {
                schedule.add(c);
            } else {
                r.error(c.keyword().span(), "'" + keyword + "' is not a clause of '" + builtin.name() + "'",
                        switch (keyword) {
                            case "over" -> "'over POOL' belongs to switch and blend, e.g. 'switch random every 5 over [ucrp, bah]'";
                            case "by" -> "'by SCORER' belongs to selectors, e.g. 'select top(5) by momentum(lookback=60)'";
                            default -> null;
                        });
                ok = false;
            }
        }
        return ok;
    }

    /**
     * {@code switch POLICY every K over POOL} and {@code blend ...}: the registry's built-in named
     * by the keyword, with the policy and the period as arguments and the pool as members.
     */
    private Optional<Piece> composite(StageExpr stage, StageKind kind) {
        String keyword = kind.keyword();
        Optional<Builtin> found = registry.find(keyword);
        if (found.isEmpty()) {
            r.error(stage.kind().span(), "'" + keyword + "' is not available: the registry has no '" + keyword + "' built-in");
            return Optional.empty();
        }
        Builtin builtin = found.get();
        Expr policy = stage.target();
        if (!(policy instanceof Expr.Call) && !(policy instanceof Expr.Name)) {
            r.error(policy == null ? stage.span() : policy.span(), "'" + keyword + "' needs a policy, e.g. '" + keyword
                    + " random every 5 over [ucrp, bah]'");
            return Optional.empty();
        }
        String policyName = policy instanceof Expr.Call c ? c.callee().name() : ((Expr.Name) policy).ident().name();
        Optional<Builtin> agent = registry.find(policyName).filter(b -> b.kind() == StageKind.AGENT);
        // a learning switch or blend (the HRP/HERC switching paper's PPO): the agent's call binds to its policy schema
        Optional<Builtin> learning = kind == StageKind.HIERARCHY ? Optional.empty() : agent.flatMap(LearnedPolicies::schema);
        if (agent.isPresent() && learning.isEmpty()) {
            r.error(policy.span(), "a learning " + keyword + " policy ('" + policyName + "') is not supported yet",
                    (kind == StageKind.HIERARCHY ? "learning hierarchies arrive with HADAPS's hierarchical SAC"
                            : "a switch or blend learns with " + String.join(", ", LearnedPolicies.AGENTS)) + "; use " + policies(builtin));
            return Optional.empty();
        }
        List<Expr.Arg> args = new ArrayList<>();
        if (learning.isEmpty()) args.add(new Expr.Arg(new Ident("policy", policy.span()), policy, policy.span()));
        Expr over = null;
        boolean ok = true;
        Map<String, Span> seen = new HashMap<>();
        for (StageExpr.Clause c : stage.clauses()) {
            String kw = c.keyword().name();
            Span first = seen.putIfAbsent(kw, c.keyword().span());
            if (first != null) {
                r.error(c.keyword().span(), "'" + kw + "' is given twice", "first given at " + first.location());
                ok = false;
            } else if (kw.equals("over") && kind != StageKind.HIERARCHY) {
                over = c.value();
            } else if (builtin.param(kw).isPresent() && !kw.equals("policy")) {
                args.add(new Expr.Arg(c.keyword(), c.value(), c.span()));
            } else {
                r.error(c.keyword().span(), "'" + kw + "' is not a clause of '" + keyword + "'",
                        "'" + keyword + "' takes 'every' (how often it decides) and 'over' (the members)");
                ok = false;
            }
        }
        Optional<Map<String, Value>> bound = learning.isEmpty() ? ArgumentBinder.bind(builtin, stage.kind().span(), args, registry, r)
                : learningPolicy(builtin, learning.get(), policy, stage.kind().span(), args);
        ok &= bound.isPresent();
        Optional<List<StageNode.Member>> members = Optional.empty();
        if (kind == StageKind.HIERARCHY) {
            members = parts(stage);
            ok &= members.isPresent();
        } else if (over == null) {
            r.error(stage.kind().span(), "'" + keyword + "' needs 'over POOL': the members it " + (kind == StageKind.SWITCH
                    ? "chooses among" : "weights"), "e.g. '" + keyword + " " + AstText.expr(policy) + " every 5 over [ucrp, bah, olmar]'");
            ok = false;
        } else {
            members = pool(over);
            ok &= members.isPresent();
        }
        if (!stage.block().isEmpty() && kind != StageKind.HIERARCHY) {
            r.error(stage.block().get(0).span(), "a block { ... } is not supported for '" + keyword + "'");
            ok = false;
        }
        if (ok && learning.isPresent()) ok = learnableMembers(keyword, policyName, members.get());
        if (!ok) return Optional.empty();
        StageNode node = new StageNode(builtin, Arguments.of(builtin, bound.get()), stage.span()).withMembers(members.get());
        return Optional.of(new Piece(keyword, stage.span(), List.of(node)));
    }

    /**
     * A hierarchy's block: one part per asset class, {@code CLASS STAGE}, each a member named by its
     * class. Which classes the market has is checked when the stage is built for the market.
     */
    private Optional<List<StageNode.Member>> parts(StageExpr stage) {
        if (stage.block().isEmpty()) {
            r.error(stage.kind().span(), "'hierarchy' needs a block naming the stage of each asset class",
                    "e.g. 'hierarchy equal every 21d { crypto olmar(window=5); stock ucrp }'");
            return Optional.empty();
        }
        List<StageNode.Member> out = new ArrayList<>();
        Map<String, Span> seen = new HashMap<>();
        boolean ok = true;
        for (StageExpr.BlockPart part : stage.block()) {
            String role = part.role().name();
            Span first = seen.putIfAbsent(role, part.role().span());
            if (first != null) {
                r.error(part.role().span(), "class '" + role + "' is given twice", "first given at " + first.location());
                ok = false;
                continue;
            }
            for (StageExpr.Clause c : part.clauses()) {
                r.error(c.keyword().span(), "'" + c.keyword().name() + "' is not a clause of a hierarchy's part",
                        "a part is a class and its stage, e.g. 'crypto olmar(window=5)'");
                ok = false;
            }
            List<StageNode.Member> one = new ArrayList<>();
            if (part.value() instanceof Expr.Call || part.value() instanceof Expr.Name) {
                ok &= member(new StageExpr(null, part.value(), List.of(), List.of(), part.value().span()), role, one);
            } else {
                r.error(part.value().span(), "class '" + role + "' needs a stage, not " + AstText.describe(part.value()));
                ok = false;
            }
            out.addAll(one);
        }
        return ok ? Optional.of(out) : Optional.empty();
    }

    /**
     * A composite whose policy is a learning agent's call: the call binds to the agent's policy
     * schema ({@link LearnedPolicies#schema}), the composite's other arguments to the composite, and
     * the policy argument is the bound call.
     */
    private Optional<Map<String, Value>> learningPolicy(Builtin composite, Builtin schema, Expr policy, Span span, List<Expr.Arg> args) {
        List<Expr.Arg> policyArgs = policy instanceof Expr.Call c ? c.args() : List.of();
        Span callee = policy instanceof Expr.Call c ? c.callee().span() : policy.span();
        Optional<Map<String, Value>> policyValues = ArgumentBinder.bind(schema, callee, policyArgs, registry, r);
        List<Param> rest = composite.params().stream().filter(p -> !p.name().equals("policy")).map(Param::of).toList();
        Optional<Map<String, Value>> values = ArgumentBinder.bind(composite.name(), composite.signature(), span, args, rest, registry, r);
        if (policyValues.isEmpty() || values.isEmpty()) return Optional.empty();
        List<String> written = ArgumentBinder.written(policyArgs, schema.params().stream().map(Param::of).toList());
        Map<String, Value> out = new java.util.LinkedHashMap<>();
        out.put("policy", new Value.Call(schema.name(), dev.strat.stdlib.ComponentKind.POLICY, policyValues.get(), written));
        out.putAll(values.get());
        return Optional.of(out);
    }

    /**
     * The members of a learning switch or blend: none may learn itself (the policy trains over the
     * members' recorded proposals), and strat's {@code hold} is probably meant as the paper's hold.
     */
    private boolean learnableMembers(String keyword, String policyName, List<StageNode.Member> members) {
        boolean ok = true;
        for (StageNode.Member m : members) {
            for (StageNode node : m.pipeline().stages()) {
                Optional<String> learner = learnerIn(node);
                if (learner.isPresent()) {
                    r.error(m.span(), "member '" + m.name() + "' learns ('" + learner.get() + "'), but a " + keyword + " with a learning "
                            + "policy ('" + policyName + "') needs members that do not learn", "train the member in its own strategy, "
                            + "or use a policy that does not learn (random, best, ...)");
                    ok = false;
                }
                if (node.builtin().name().equals("hold")) {
                    r.warning(m.span(), "'hold' in a learning " + keyword + ": did you mean no_trade? hold sells everything into cash, "
                            + "no_trade keeps the drifted weights (the paper's hold action)");
                }
            }
        }
        return ok;
    }

    /** The first learning stage in a node or its members, by name. */
    private static Optional<String> learnerIn(StageNode node) {
        if (node.builtin().kind() == StageKind.AGENT) return Optional.of(node.builtin().name());
        if (node.args().has("policy") && node.args().get("policy") instanceof Value.Call c && LearnedPolicies.AGENTS.contains(c.name())) {
            return Optional.of(c.name());
        }
        for (StageNode.Member m : node.members()) {
            for (StageNode inner : m.pipeline().stages()) {
                Optional<String> found = learnerIn(inner);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** The policies a composite accepts, from its 'policy' parameter's type. */
    private String policies(Builtin composite) {
        return composite.param("policy").map(p -> p.type() instanceof dev.strat.stdlib.ParamType.ComponentOf of
                ? String.join(", ", registry.componentNames(of.kind())) : "a policy").orElse("a policy");
    }

    /**
     * Evaluates a pool: stages and strategy names in lists, {@code models} names, comprehensions
     * and sums with {@code +}. Members get names for reports and model paths: the name written,
     * or the call's text; repeated names are numbered.
     */
    Optional<List<StageNode.Member>> pool(Expr e) {
        List<StageNode.Member> out = new ArrayList<>();
        if (!poolInto(e, out)) return Optional.empty();
        if (out.isEmpty()) {
            r.error(e.span(), "the pool is empty", "list at least one stage, e.g. [ucrp, bah]");
            return Optional.empty();
        }
        Map<String, Integer> counts = new HashMap<>();
        List<StageNode.Member> named = new ArrayList<>();
        for (StageNode.Member m : out) {
            int n = counts.merge(m.name(), 1, Integer::sum);
            named.add(n == 1 ? m : new StageNode.Member(m.name() + "#" + n, m.pipeline(), m.span()));
        }
        return Optional.of(named);
    }

    /** The members of a declared {@code models} pool; errors are reported once however often it is used. */
    Optional<List<StageNode.Member>> models(String name, Span useSpan) {
        Optional<List<StageNode.Member>> done = pools.get(name);
        if (done != null) return done;
        int at = resolving.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(resolving.subList(at, resolving.size()));
            cycle.add(name);
            r.error(useSpan, "cycle: " + String.join(" -> ", cycle), "a pool cannot contain itself, directly or through others");
            return Optional.empty();
        }
        Optional<Namespace.Entry> entry = namespace.find(name, Namespace.Kind.MODELS);
        if (entry.isEmpty() || !(entry.get().decl() instanceof Decl.Models decl) || decl.value() == null) return Optional.empty();
        resolving.add(name);
        Optional<List<StageNode.Member>> members = pool(decl.value());
        resolving.remove(resolving.size() - 1);
        pools.put(name, members);
        return members;
    }

    private boolean poolInto(Expr e, List<StageNode.Member> out) {
        switch (e) {
            case Expr.ListOf l -> {
                boolean ok = true;
                for (Expr item : l.items()) ok &= poolInto(item, out);
                return ok;
            }
            case Expr.Binary b when b.op().equals("+") -> {
                boolean left = poolInto(b.left(), out);
                return poolInto(b.right(), out) && left;
            }
            case Expr.Comprehension c -> {
                List<Expr> values = c.values().size() == 1 && c.values().get(0) instanceof Expr.ListOf l ? l.items() : c.values();
                if (values.isEmpty()) {
                    r.error(c.span(), "the comprehension runs over no values");
                    return false;
                }
                boolean ok = true;
                for (Expr v : values) ok &= poolInto(Substitution.replace(c.body(), c.variable().name(), v), out);
                return ok;
            }
            case Expr.Name n when namespace.find(n.ident().name(), Namespace.Kind.MODELS).isPresent() -> {
                Optional<List<StageNode.Member>> members = models(n.ident().name(), n.span());
                members.ifPresent(out::addAll);
                return members.isPresent();
            }
            case Expr.Name n -> {
                return member(new StageExpr(null, n, List.of(), List.of(), n.span()), n.ident().name(), out);
            }
            case Expr.Call c -> {
                return member(new StageExpr(null, c, List.of(), List.of(), c.span()), AstText.expr(c), out);
            }
            case Expr.Clauses c when c.target() instanceof Expr.Call || c.target() instanceof Expr.Name -> {
                // the member's name keeps its schedule, so 'hrp(window=30) every 24h' and 'hrp(window=30)' differ in reports
                return member(new StageExpr(null, c.target(), c.clauses(), List.of(), c.span()), AstText.expr(c), out);
            }
            default -> {
                r.error(e.span(), "expected a pool of stages, not " + AstText.describe(e) + " '" + AstText.expr(e) + "'",
                        "a pool is a list [ucrp, olmar(window=5)], a models name, a comprehension "
                                + "[olmar(window=w) for w in [3, 5]], or a sum of those with +");
                return false;
            }
        }
    }

    private boolean member(StageExpr stage, String name, List<StageNode.Member> out) {
        Optional<Piece> piece = stage(stage);
        if (piece.isEmpty()) return false;
        StageKind kind = piece.get().firstKind();
        if (!kind.startsPipeline()) {
            r.error(stage.span(), "'" + piece.get().name() + "' cannot be a member of a pool: it is " + StageKinds.withArticle(kind)
                    + ", which adjusts the weights of the stage before it", "members propose weights on their own: allocators, "
                    + "models, agents or strategies");
            return false;
        }
        out.add(new StageNode.Member(name, new PipelinePlan(piece.get().nodes()), stage.span()));
        return true;
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
                    + "the strategy '" + name + "'", c.keyword().name().equals("every")
                    ? "put 'every' on the strategy's first stage inside its declaration" : null);
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

    /** Puts an {@code every} schedule on the stage's node (a stage with no 'every' parameter of its own). */
    private boolean schedule(List<StageExpr.Clause> clauses, Builtin builtin, List<StageNode> nodes) {
        boolean ok = true;
        for (StageExpr.Clause c : clauses) {
            if (!builtin.kind().startsPipeline()) {
                r.error(c.keyword().span(), "'every' is not supported for '" + builtin.name() + "'",
                        "'every' sets how often an allocator rebalances; put it after the allocator at the start of the pipeline");
                ok = false;
                continue;
            }
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
