package dev.strat.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides where relative data file names resolve, in this order: the {@code --data} option, the
 * {@code STRAT_DATA} environment variable, then {@code ../shared/data} relative to the strat
 * home (the repository root, which the {@code ./strat} launcher passes as the system property
 * {@code strat.home}) or, without a home, relative to the current directory.
 *
 * <p>The environment and home are injected so the order can be tested without touching the
 * real process environment.
 */
public final class DataRootResolver {

    /** The environment variable that names the data folder. */
    public static final String ENV = "STRAT_DATA";

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
        return resolveWithOrigin(option).path();
    }

    /** The data folder and where the choice came from, for messages such as "no such folder". */
    public Resolved resolveWithOrigin(Path option) {
        if (option != null) {
            return new Resolved(absolute(cwd, option), "--data");
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Resolved(absolute(cwd, Path.of(fromEnv.strip())), ENV);
        }
        if (stratHome.isPresent()) {
            Path home = absolute(cwd, Path.of(stratHome.get()));
            return new Resolved(home.resolve("../shared/data").normalize(), HOME_PROPERTY);
        }
        return new Resolved(cwd.resolve("../shared/data").normalize(), "current directory");
    }

    private static Path absolute(Path base, Path p) {
        return base.resolve(p).toAbsolutePath().normalize();
    }

    /**
     * @param path   the data folder
     * @param origin {@code --data}, {@code STRAT_DATA}, {@code strat.home} or {@code current directory}
     */
    public record Resolved(Path path, String origin) {
    }
}
