package dev.strat.lang.check;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Ident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
