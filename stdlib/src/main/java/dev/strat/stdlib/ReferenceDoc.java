package dev.strat.stdlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the built-in reference of the README from the registry, so the documentation is
 * generated from the same records the checker and {@code :help} read and cannot drift from them.
 * Built-ins are grouped by {@link StageKind} (in the enum's order) and listed in registration
 * order within a group.
 *
 * <p>{@code java dev.strat.stdlib.ReferenceDoc [file]} prints the Markdown, or writes it
 * atomically to {@code file}.
 */
public final class ReferenceDoc {

    private ReferenceDoc() {
    }

    public static void main(String[] args) throws IOException {
        String text = render(StandardLibrary.registry());
        if (args.length == 0) {
            System.out.print(text);
            return;
        }
        Path target = Path.of(args[0]).toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The whole reference: a table of contents, then one section per built-in. */
    public static String render(Registry registry) {
        StringBuilder md = new StringBuilder("## Built-in reference\n\n");
        md.append("Generated from the standard library by `dev.strat.stdlib.ReferenceDoc`; do not edit by hand.\n\n");
        for (StageKind kind : StageKind.values()) {
            List<Builtin> group = ofKind(registry, kind);
            if (group.isEmpty()) continue;
            md.append("- **").append(title(kind)).append("**: ");
            for (int k = 0; k < group.size(); k++) {
                if (k > 0) md.append(", ");
                md.append('[').append('`').append(group.get(k).name()).append('`').append("](#").append(anchor(group.get(k))).append(')');
            }
            md.append('\n');
        }
        for (ComponentKind kind : ComponentKind.values()) {
            List<Component> group = registry.components().stream().filter(c -> c.kind() == kind).toList();
            if (group.isEmpty()) continue;
            md.append("- **").append(title(kind)).append("** (arguments of ").append(kind.argumentOf()).append("): ");
            for (int k = 0; k < group.size(); k++) {
                if (k > 0) md.append(", ");
                md.append('[').append('`').append(group.get(k).name()).append('`').append("](#").append(anchor(group.get(k).name())).append(')');
            }
            md.append('\n');
        }
        for (StageKind kind : StageKind.values()) {
            List<Builtin> group = ofKind(registry, kind);
            if (group.isEmpty()) continue;
            md.append("\n### ").append(title(kind)).append("\n");
            for (Builtin b : group) md.append('\n').append(render(b));
        }
        for (ComponentKind kind : ComponentKind.values()) {
            List<Component> group = registry.components().stream().filter(c -> c.kind() == kind).toList();
            if (group.isEmpty()) continue;
            md.append("\n### ").append(title(kind)).append("\n");
            for (Component c : group) md.append('\n').append(render(c));
        }
        return md.toString();
    }

    /** One component's section. */
    public static String render(Component c) {
        StringBuilder md = new StringBuilder();
        md.append("#### ").append(c.name()).append('\n').append('\n');
        md.append("`").append(c.signature()).append("` · ").append(c.kind().noun()).append("\n\n");
        md.append(c.summary()).append("\n\n");
        md.append(c.doc()).append("\n\n");
        appendParams(md, c.params());
        if (!c.reference().isBlank()) md.append("Reference: ").append(c.reference()).append("\n\n");
        md.append("Example:\n\n```\n").append(c.example()).append("\n```\n");
        return md.toString();
    }

    private static String title(ComponentKind kind) {
        return switch (kind) {
            case NETWORK -> "Networks";
            case ACTIONS -> "Action maps";
            case FEATURE -> "Features";
            case REWARD -> "Rewards";
            case POLICY -> "Policies";
            case SCORER -> "Scorers";
            case INDICATOR -> "Indicators";
            case PREDICTOR -> "Predictors";
        };
    }

    /** One built-in's section. */
    public static String render(Builtin b) {
        StringBuilder md = new StringBuilder();
        md.append("#### ").append(b.name()).append('\n').append('\n');
        md.append("`").append(b.signature()).append("` · ").append(b.kind().keyword())
                .append(b.kind().startsPipeline() ? " (starts a pipeline)" : " (follows another stage)").append("\n\n");
        md.append(b.summary()).append("\n\n");
        md.append(b.doc()).append("\n\n");
        appendParams(md, b.params());
        if (!b.reference().isBlank()) md.append("Reference: ").append(b.reference()).append("\n\n");
        md.append("Example:\n\n```\n").append(b.example()).append("\n```\n");
        return md.toString();
    }

    private static void appendParams(StringBuilder md, List<ParamSpec> params) {
        if (params.isEmpty()) return;
        md.append("| parameter | type | default | range | description |\n");
        md.append("|---|---|---|---|---|\n");
        for (ParamSpec p : params) {
            md.append("| `").append(p.name()).append("` | ")
                    .append(cell(p.type().display())).append(" | ")
                    .append(p.isRequired() ? "required" : "`" + cell(p.defaultValue().render()) + "`").append(" | ")
                    .append(cell(range(p))).append(" | ")
                    .append(cell(p.doc())).append(" |\n");
        }
        md.append('\n');
    }

    private static List<Builtin> ofKind(Registry registry, StageKind kind) {
        List<Builtin> out = new ArrayList<>();
        for (Builtin b : registry.all()) if (b.kind() == kind) out.add(b);
        return out;
    }

    private static String range(ParamSpec p) {
        if (p.type() instanceof ParamType.Choice) return "";
        // parameters written as percentages show their range the same way
        if (p.defaultValue() instanceof Value.Num n && n.percent()) {
            ParamSpec scaled = new ParamSpec(p.name(), p.type(), p.defaultValue(), p.min() * 100, p.max() * 100, p.doc());
            String r = scaled.rangeText();
            return r.equals("any") ? "" : r.replaceAll("(-?[0-9.E]+)", "$1%").replace("%%", "%");
        }
        String r = p.rangeText();
        return r.equals("any") ? "" : r;
    }

    private static String title(StageKind kind) {
        return switch (kind) {
            case ALLOCATOR -> "Allocators";
            case AGENT -> "Agents";
            case MODEL -> "Models";
            case SELECT -> "Selectors";
            case SWITCH -> "Switchers";
            case BLEND -> "Blends";
            case HIERARCHY -> "Hierarchies";
            case TRANSFORM -> "Transforms";
            case RISK -> "Risk controllers";
            case ADAPT -> "Adaptation";
        };
    }

    /** GitHub's anchor of a {@code #### name} heading. */
    private static String anchor(Builtin b) {
        return anchor(b.name());
    }

    private static String anchor(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_ -]", "").replace(' ', '-');
    }

    /** Table cells may not contain raw pipes or newlines. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
