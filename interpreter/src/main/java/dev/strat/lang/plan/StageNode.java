package dev.strat.lang.plan;

import dev.strat.lang.diag.Span;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One built-in stage of a pipeline with its checked arguments (defaults filled in), and the
 * children that make the plan a tree: the members of an {@code over} pool, and named roles (the
 * stages after a selector are its {@value #THEN} role).
 *
 * @param span    where the stage was written, for errors raised when the runtime stage is built
 * @param every   the stage's {@code every} clause when it wraps the stage in a schedule (consult it
 *                only every that many bars, holding in between); empty for a stage asked every step
 *                and for composites, whose own {@code every} argument sets their decision period
 * @param members the pool a switch or blend chooses among, in order; empty for other stages
 * @param roles   child pipelines by role
 */
public record StageNode(Builtin builtin, Arguments args, Span span, Optional<Value> every, List<Member> members,
                        Map<String, PipelinePlan> roles) {

    /** The role of the stages after a selector: they allocate among its picks. */
    public static final String THEN = "then";

    /** A member of a pool: a name for reports and paths, and its pipeline. */
    public record Member(String name, PipelinePlan pipeline, Span span) {
    }

    public StageNode {
        members = List.copyOf(members);
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }

    public StageNode(Builtin builtin, Arguments args, Span span) {
        this(builtin, args, span, Optional.empty(), List.of(), Map.of());
    }

    /** The same stage, consulted on a schedule. */
    public StageNode withEvery(Value period) {
        return new StageNode(builtin, args, span, Optional.of(period), members, roles);
    }

    /** The same stage with a pool of members. */
    public StageNode withMembers(List<Member> pool) {
        return new StageNode(builtin, args, span, every, pool, roles);
    }

    /** The same stage with a child pipeline in {@code role}. */
    public StageNode withRole(String role, PipelinePlan child) {
        Map<String, PipelinePlan> r = new LinkedHashMap<>(roles);
        r.put(role, child);
        return new StageNode(builtin, args, span, every, members, r);
    }

    /** Every node of this subtree, this one first, then members' and roles' nodes in order. */
    public List<StageNode> walk() {
        List<StageNode> out = new java.util.ArrayList<>();
        out.add(this);
        for (Member m : members) for (StageNode n : m.pipeline().stages()) out.addAll(n.walk());
        for (PipelinePlan p : roles.values()) for (StageNode n : p.stages()) out.addAll(n.walk());
        return out;
    }

    /** Canonical text, e.g. {@code olmar(window=5, eps=10) every 5d} or {@code switch random every 5 over [a, b]}. */
    public String render() {
        StageKind kind = builtin.kind();
        String text;
        if (kind == StageKind.HIERARCHY) {
            text = builtin.name() + " " + args.get("policy").render() + everyArg() + " { "
                    + members.stream().map(m -> m.name() + " " + m.pipeline().render()).collect(Collectors.joining("; ")) + " }";
        } else if (kind == StageKind.SWITCH || kind == StageKind.BLEND) {
            text = builtin.name() + " " + args.get("policy").render() + everyArg()
                    + " over [" + members.stream().map(Member::name).collect(Collectors.joining(", ")) + "]";
        } else if (kind == StageKind.SELECT) {
            String own = args.asMap().entrySet().stream().filter(e -> !e.getKey().equals("by") && !e.getKey().equals("every"))
                    .map(e -> e.getKey() + "=" + e.getValue().render()).collect(Collectors.joining(", "));
            text = "select " + builtin.name() + (own.isEmpty() ? "" : "(" + own + ")")
                    + (args.has("by") ? " by " + args.get("by").render() : "") + everyArg();
        } else {
            text = builtin.name() + args.render();
        }
        text += every.map(v -> " every " + v.render()).orElse("");
        PipelinePlan then = roles.get(THEN);
        return then == null ? text : text + " | " + then.render();
    }

    private String everyArg() {
        if (!args.has("every")) return "";
        Value v = args.get("every");
        return v instanceof Value.Num n && n.value() == 1 ? "" : " every " + v.render();
    }
}
