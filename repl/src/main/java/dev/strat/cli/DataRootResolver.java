package dev.strat.cli;

import dev.strat.lang.settings.ProjectSettings;
import dev.strat.runtime.data.DataRoot;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line's view of {@link DataRoot}: the same order (the {@code --data} option, the
 * {@code STRAT_DATA} environment variable, a project's {@code strat.yaml} when there is one, then
 * {@code ../shared/data} relative to a base
 * folder), with the base the strat home (the repository root, which the {@code ./strat}
 * launcher passes as the system property {@code strat.home}) or, without a home, the current
 * directory; relative paths resolve against the current directory.
 *
 * <p>The environment, home and current directory are injected so the order can be tested
 * without touching the real process.
 */
public final class DataRootResolver {

    /** The system property the launcher sets to the repository root. */
    public static final String HOME_PROPERTY = "strat.home";

    private final Map<String, String> env;
    private final Optional<String> stratHome;
    private final Path cwd;

    /**
     * @param env       the process environment (or a test map)
     * @param stratHome the value of {@code strat.home}, when set
     * @param cwd       the current directory, against which relative paths resolve
     */
    public DataRootResolver(Map<String, String> env, Optional<String> stratHome, Path cwd) {
        this.env = Map.copyOf(env);
        this.stratHome = stratHome.filter(h -> !h.isBlank());
        this.cwd = cwd.toAbsolutePath();
    }

    /** The data folder, absolute and normalised; {@code option} is the {@code --data} value or null. */
    public Path resolve(Path option) {
        return dataRoot(option).dir();
    }

    /**
     * The data root with a project's {@code strat.yaml} between the environment and the default:
     * {@code --data}, then {@code STRAT_DATA}, then the file's {@code data}, then {@code ../shared/data}.
     */
    public DataRoot dataRoot(Path option, Optional<ProjectSettings.Value<Path>> fromSettings) {
        String fromEnv = env.get(DataRoot.ENV);
        boolean envSet = fromEnv != null && !fromEnv.isBlank();
        if (option == null && !envSet && fromSettings.isPresent()) {
            return DataRoot.of(fromSettings.get().value(), "data in " + fromSettings.get().origin());
        }
        return dataRoot(option);
    }

    /** The data root with every folder it searches, in order. */
    public DataRoot dataRoot(Path option) {
        String explicit = option == null ? null : cwd.resolve(option).toString();
        Map<String, String> environment = new HashMap<>(env);
        String fromEnv = env.get(DataRoot.ENV);
        if (fromEnv != null && !fromEnv.isBlank()) environment.put(DataRoot.ENV, cwd.resolve(fromEnv.strip()).toString());
        Path base = stratHome.map(home -> cwd.resolve(home)).orElse(cwd);
        return DataRoot.resolve(explicit, environment, base);
    }
}
