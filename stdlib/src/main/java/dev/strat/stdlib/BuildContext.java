package dev.strat.stdlib;

import dev.strat.runtime.pipeline.Stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link StageFactory} may use to build its stage, so that composite stages need no
 * special case anywhere else: the market's facts (never its prices), the stage's path in the
 * strategy (for reports and saved models), the stages already built for its children, and a
 * description of the stage before it.
 *
 * @param market   universe, classes and calendar
 * @param path     where the stage stands in its strategy, e.g. {@code sw.switch} or {@code hrl.agent}
 * @param members  the stages of an {@code over} pool, in order (empty for a leaf)
 * @param memberNames the members' names for reports, parallel to {@code members}
 * @param roles    child stages by role: {@code by} (a scorer), the block's named parts, {@code then}
 *                 (the stages after a selector)
 * @param before   the label of the stage before this one in its pipeline, when there is one
 */
public record BuildContext(MarketInfo market, String path, List<Stage> members, List<String> memberNames,
                           Map<String, Stage> roles, Optional<String> before) {

    public BuildContext {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(path, "path");
        members = List.copyOf(members);
        memberNames = List.copyOf(memberNames);
        if (memberNames.size() != members.size()) throw new IllegalArgumentException("one name per member expected");
        roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        Objects.requireNonNull(before, "before");
    }

    /** The context of a leaf stage: market facts and its path, no children. */
    public static BuildContext leaf(MarketInfo market, String path) {
        return new BuildContext(market, path, List.of(), List.of(), Map.of(), Optional.empty());
    }

    /** The child stage in {@code role}; a missing one is a {@link BuildException} (the checker should have said so). */
    public Stage role(String role) {
        Stage s = roles.get(role);
        if (s == null) throw new BuildException("'" + path + "' needs a '" + role + "' part");
        return s;
    }
}
