package dev.strat.lang.check;

import dev.strat.stdlib.StageKind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How messages name stage kinds, and the keywords users may write. */
final class StageKinds {

    private StageKinds() {
    }

    static Optional<StageKind> byKeyword(String keyword) {
        return Arrays.stream(StageKind.values()).filter(k -> k.keyword().equals(keyword)).findFirst();
    }

    static List<String> keywords() {
        return Arrays.stream(StageKind.values()).map(StageKind::keyword).toList();
    }

    /** "an allocator", "a risk stage"... */
    static String withArticle(StageKind kind) {
        String noun = noun(kind);
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    static String noun(StageKind kind) {
        return switch (kind) {
            case ALLOCATOR -> "allocator";
            case AGENT -> "agent";
            case MODEL -> "model";
            case SELECT -> "selector";
            case SWITCH -> "switcher";
            case BLEND -> "blend";
            case HIERARCHY -> "hierarchy";
            case TRANSFORM -> "transform";
            case RISK -> "risk stage";
            case ADAPT -> "adapt stage";
        };
    }
}
