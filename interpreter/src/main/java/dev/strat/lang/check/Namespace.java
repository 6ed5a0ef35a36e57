package dev.strat.lang.check;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Ident;

import dev.strat.lang.ast.Program;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one namespace of declared names: markets, splits, strategies, models, scenarios and
 * experiments. The first declaration of a name wins; later ones are reported as duplicates.
 */
final class Namespace {

    enum Kind {
        MARKET("market"), SPLIT("split"), STRATEGY("strategy"), MODELS("models"), SCENARIOS("scenarios"),
        EXPERIMENT("experiment");

        final String word;

        Kind(String word) {
            this.word = word;
        }

        /** "a market", "a models declaration"... */
        String described() {
            return switch (this) {
                case MARKET -> "a market";
                case SPLIT -> "a split";
                case STRATEGY -> "a strategy";
                case MODELS -> "a models declaration";
                case SCENARIOS -> "a scenarios declaration";
                case EXPERIMENT -> "an experiment";
            };
        }
    }

    record Entry(Kind kind, Ident ident, Decl decl) { }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> broken = new HashSet<>();

    /**
     * Notes names whose declaration is in the text but did not parse: the syntax error is reported
     * already, so references to them are not reported again as unknown.
     */
    void markBroken(Program program) {
        Set<String> parsed = new HashSet<>();
        for (Decl d : program.decls()) {
            Ident name = switch (d) {
                case Decl.Market m -> m.name();
                case Decl.Split x -> x.name();
                case Decl.Strategy x -> x.name();
                case Decl.Models x -> x.name();
                case Decl.Scenarios x -> x.name();
                case Decl.Experiment x -> x.name();
                default -> null;
            };
            if (name != null) parsed.add(name.name());
        }
        Matcher m = DECLARATION.matcher(program.source().text());
        while (m.find()) {
            if (!parsed.contains(m.group(1))) broken.add(m.group(1));
        }
    }

    /** True when {@code name} was declared in a declaration that has a syntax error. */
    boolean isBroken(String name) {
        return broken.contains(name) && !entries.containsKey(name);
    }

    private static final Pattern DECLARATION = Pattern.compile(
            "(?m)^[ \\t]*(?:market|split|strategy|models|scenarios|experiment)[ \\t]+([A-Za-z_][A-Za-z_0-9]*)");

    void define(Kind kind, Ident ident, Decl decl, Reporter r) {
        if (ident == null || ident.name() == null || ident.name().isEmpty()) return;
        Entry first = entries.get(ident.name());
        if (first != null) {
            r.error(ident.span(), kind.word + " '" + ident.name() + "' is already defined at " + first.ident().span().location(),
                    first.kind() == kind ? null
                            : "it is " + first.kind().described() + " there; markets, splits, strategies, models, scenarios and experiments share one namespace");
            return;
        }
        entries.put(ident.name(), new Entry(kind, ident, decl));
    }

    Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    Optional<Entry> find(String name, Kind kind) {
        return find(name).filter(e -> e.kind() == kind);
    }

    List<String> names(Kind kind) {
        return entries.values().stream().filter(e -> e.kind() == kind).map(e -> e.ident().name()).toList();
    }
}
