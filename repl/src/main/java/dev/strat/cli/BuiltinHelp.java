package dev.strat.cli;

import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Component;
import dev.strat.stdlib.ComponentKind;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Renders the documentation of built-ins from the registry: the grouped listing and the page of
 * one built-in. {@code strat builtins}, {@code strat help NAME} and the REPL's {@code :help} all
 * print through this class, so they always agree.
 */
public final class BuiltinHelp {

    /** Width used when the terminal's is unknown. */
    public static final int DEFAULT_WIDTH = 80;

    private final Registry registry;
    private final int width;

    public BuiltinHelp(Registry registry, int width) {
        this.registry = registry;
        this.width = Math.max(40, width);
    }

    public BuiltinHelp(Registry registry) {
        this(registry, DEFAULT_WIDTH);
    }

    /** Every built-in, grouped by kind in pipeline order, one line each with its summary. */
    public String listing() {
        Collection<Builtin> all = registry.all();
        if (all.isEmpty()) return "no built-ins are registered\n";
        int nameWidth = Math.max(all.stream().mapToInt(b -> b.name().length()).max().orElse(0),
                registry.components().stream().mapToInt(c -> c.name().length()).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append("built-ins (").append(all.size()).append("):\n");
        for (StageKind kind : StageKind.values()) {
            List<Builtin> group = all.stream().filter(b -> b.kind() == kind).toList();
            if (group.isEmpty()) continue;
            out.append('\n').append(heading(kind)).append('\n');
            for (Builtin b : group) {
                String prefix = "  " + pad(b.name(), nameWidth) + "  ";
                appendWrapped(out, prefix, " ".repeat(prefix.length()), b.summary());
            }
        }
        for (ComponentKind kind : ComponentKind.values()) {
            List<Component> group = registry.components().stream().filter(c -> c.kind() == kind).toList();
            if (group.isEmpty()) continue;
            out.append('\n').append(kind.plural()).append(" (arguments of ").append(kind.argumentOf()).append(")\n");
            for (Component c : group) {
                String prefix = "  " + pad(c.name(), nameWidth) + "  ";
                appendWrapped(out, prefix, " ".repeat(prefix.length()), c.summary());
            }
        }
        out.append("\n:help NAME (strat builtins NAME) shows a built-in's parameters and an example.\n");
        return out.toString();
    }

    /** The page of {@code name}, or a "did you mean" message when it is unknown. */
    public Lookup describe(String name) {
        Optional<Builtin> b = registry.find(name);
        if (b.isPresent()) return new Lookup(true, describe(b.get()));
        Optional<Component> c = registry.findComponent(name);
        if (c.isPresent()) return new Lookup(true, describe(c.get()));
        String message = "unknown built-in '" + name + "'"
                + registry.suggest(name).map(s -> "; did you mean '" + s + "'?").orElse("")
                + "\n";
        return new Lookup(false, message);
    }

    /** The page of one built-in: signature, kind, summary, doc, parameters, reference, example. */
    public String describe(Builtin b) {
        return page(b.signature(), kindLine(b.kind()), b.summary(), b.doc(), b.params(), b.reference(), b.example());
    }

    /** The page of one component, laid out as a built-in's. */
    public String describe(Component c) {
        return page(c.signature(), "kind: " + c.kind().noun() + " (an argument of " + c.kind().argumentOf() + ", not a stage)",
                c.summary(), c.doc(),
                c.params(), c.reference(), c.example());
    }

    private String page(String signature, String kind, String summary, String doc, List<ParamSpec> params, String reference,
                        String example) {
        StringBuilder out = new StringBuilder();
        out.append(signature).append('\n');
        appendWrapped(out, "  ", "  ", kind);
        if (!summary.isBlank()) appendWrapped(out, "  ", "  ", summary);
        if (!doc.isBlank()) {
            out.append('\n');
            appendWrapped(out, "  ", "  ", doc);
        }
        out.append('\n');
        if (params.isEmpty()) {
            out.append("  parameters: none\n");
        } else {
            out.append("  parameters:\n");
            appendParamTable(out, params);
        }
        if (reference != null && !reference.isBlank()) {
            out.append('\n');
            appendWrapped(out, "  reference: ", "             ", reference);
        }
        if (example != null && !example.isBlank()) {
            out.append("\n  example:\n");
            for (String line : example.strip().split("\n")) out.append("    ").append(line.stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private void appendParamTable(StringBuilder out, List<ParamSpec> params) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"name", "type", "default", "range", "doc"});
        for (ParamSpec p : params) {
            rows.add(new String[] {
                    p.name(),
                    p.type().display(),
                    p.isRequired() ? "required" : p.defaultValue().render(),
                    p.rangeText().equals("any") ? "-" : p.rangeText(),
                    p.doc() == null ? "" : p.doc()});
        }
        int[] w = new int[4];
        for (String[] r : rows) for (int c = 0; c < 4; c++) w[c] = Math.max(w[c], r[c].length());
        int docColumn = 4 + w[0] + w[1] + w[2] + w[3] + 8;
        // the doc column needs room to be read; when the type column is wide it goes under the row
        boolean inColumn = width - docColumn >= 30;
        String under = " ".repeat(4 + w[0] + 2);
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder prefix = new StringBuilder("    ");
            for (int c = 0; c < 4; c++) prefix.append(pad(r[c], w[c])).append("  ");
            if (inColumn && !r[4].isEmpty()) {
                appendWrapped(out, prefix.toString(), " ".repeat(docColumn), r[4]);
            } else {
                out.append(prefix.toString().stripTrailing()).append('\n');
                if (k > 0 && !r[4].isEmpty()) appendWrapped(out, under, under, r[4]);
            }
        }
    }

    private static String kindLine(StageKind kind) {
        String where = switch (kind) {
            case ADAPT -> "follows a risk stage in a pipeline";
            default -> kind.startsPipeline() ? "starts a pipeline" : "follows another stage in a pipeline";
        };
        return "kind: " + kind.keyword() + " (" + where + ")";
    }

    private static String heading(StageKind kind) {
        return switch (kind) {
            case ALLOCATOR -> "allocators";
            case AGENT -> "agents";
            case MODEL -> "models";
            case SELECT -> "selectors";
            case SWITCH -> "switchers";
            case BLEND -> "blends";
            case HIERARCHY -> "hierarchies";
            case TRANSFORM -> "transforms";
            case RISK -> "risk controllers";
            case ADAPT -> "adapters";
        };
    }

    /** Greedy word wrap of {@code text}: first line after {@code first}, the rest after {@code rest}. */
    private void appendWrapped(StringBuilder out, String first, String rest, String text) {
        String[] words = text.strip().split("\\s+");
        StringBuilder line = new StringBuilder(first);
        int empty = first.length();
        for (String word : words) {
            if (line.length() > empty && line.length() + 1 + word.length() > width) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(rest);
                empty = rest.length();
            }
            if (line.length() > empty) line.append(' ');
            line.append(word);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    /**
     * @param found whether the name is a built-in
     * @param text  its page, or the error message
     */
    public record Lookup(boolean found, String text) {
    }
}
