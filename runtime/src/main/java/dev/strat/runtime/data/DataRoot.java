package dev.strat.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where market data files live: the first of an explicit folder ({@code --data DIR}), the
 * folder in the environment variable {@value #ENV}, or {@code ../shared/data} relative to a base
 * folder (the repository root or the current directory). The one chosen is the only place
 * searched: a folder the user named that does not exist is reported, never silently replaced
 * by the default. A relative file name resolves in that folder; an absolute one is taken as
 * is. A missing file is an error that names the place tried and where the choice came from.
 */
public final class DataRoot {

    /** Environment variable naming the data folder. */
    public static final String ENV = "STRAT_DATA";

    private final Path dir;
    private final String origin;

    private DataRoot(Path dir, String origin) {
        this.dir = dir;
        this.origin = origin;
    }

    /**
     * @param explicit the folder given on the command line, or null
     * @param env      the environment (usually {@code System.getenv()})
     * @param base     the folder {@code ../shared/data} is resolved against
     */
    public static DataRoot resolve(String explicit, Map<String, String> env, Path base) {
        if (explicit != null && !explicit.isBlank()) return new DataRoot(Path.of(explicit).toAbsolutePath().normalize(), "--data");
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return new DataRoot(Path.of(fromEnv.strip()).toAbsolutePath().normalize(), ENV);
        return new DataRoot(base.toAbsolutePath().resolve("../shared/data").normalize(), "default ../shared/data from " + base);
    }

    /**
     * A folder chosen elsewhere (a project's {@code strat.yaml}), with {@code origin} saying where,
     * so that a missing file names the setting that pointed there.
     */
    public static DataRoot of(Path dir, String origin) {
        return new DataRoot(dir.toAbsolutePath().normalize(), origin);
    }

    /** {@link #resolve(String, Map, Path)} with the process environment. */
    public static DataRoot fromEnvironment(String explicit, Path base) {
        return resolve(explicit, System.getenv(), base);
    }

    /** The data folder (which may not exist; {@link #file} then says so). */
    public Path dir() {
        return dir;
    }

    /** Where the choice came from: {@code --data}, {@value #ENV} or the default. */
    public String origin() {
        return origin;
    }

    /** The path of a data file; throws {@link DataException} naming the place tried when it is missing. */
    public Path file(String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            if (Files.isRegularFile(given)) return given;
            throw new DataException("data file " + name + " not found");
        }
        Path p = dir.resolve(given).normalize();
        if (Files.isRegularFile(p)) return p;
        String hint = origin.startsWith("default") ? "; set --data DIR or " + ENV + " to point at the data folder" : "";
        throw new DataException("data file " + name + " not found; looked in " + p + " (" + origin
                + (Files.isDirectory(dir) ? "" : ", folder does not exist") + ")" + hint);
    }
}
