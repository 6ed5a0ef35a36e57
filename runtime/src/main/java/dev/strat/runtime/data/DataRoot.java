package dev.strat.runtime.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where market data files live. In priority order: an explicit folder ({@code --data DIR}),
 * which is then the only place searched; otherwise the folder in the environment variable
 * {@value #ENV}, then {@code ../shared/data} relative to a base folder (the repository root or
 * the current directory). A relative file name is looked up in these folders in order; an
 * absolute one is taken as is. A missing file is an error that lists every place tried.
 */
public final class DataRoot {

    /** Environment variable naming the data folder. */
    public static final String ENV = "STRAT_DATA";

    /** One folder searched and why it is searched. */
    public record Candidate(Path dir, String origin) {}

    private final List<Candidate> candidates;

    private DataRoot(List<Candidate> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    /**
     * @param explicit the folder given on the command line, or null
     * @param env      the environment (usually {@code System.getenv()})
     * @param base     the folder {@code ../shared/data} is resolved against
     */
    public static DataRoot resolve(String explicit, Map<String, String> env, Path base) {
        List<Candidate> c = new ArrayList<>();
        if (explicit != null && !explicit.isBlank()) {
            c.add(new Candidate(Path.of(explicit).toAbsolutePath().normalize(), "--data"));
        } else {
            String fromEnv = env.get(ENV);
            if (fromEnv != null && !fromEnv.isBlank()) c.add(new Candidate(Path.of(fromEnv).toAbsolutePath().normalize(), ENV));
            c.add(new Candidate(base.toAbsolutePath().resolve("../shared/data").normalize(), "default ../shared/data from " + base));
        }
        return new DataRoot(c);
    }

    /** {@link #resolve(String, Map, Path)} with the process environment. */
    public static DataRoot fromEnvironment(String explicit, Path base) {
        return resolve(explicit, System.getenv(), base);
    }

    /** The folders searched, in order. */
    public List<Candidate> candidates() { return candidates; }

    /** The main data folder: the first candidate that exists, else the first candidate. */
    public Path dir() {
        for (Candidate c : candidates) if (Files.isDirectory(c.dir())) return c.dir();
        return candidates.get(0).dir();
    }

    /** The path of a data file; throws {@link DataException} listing the places tried when it is missing. */
    public Path file(String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            if (Files.isRegularFile(given)) return given;
            throw new DataException("data file " + name + " not found");
        }
        List<String> tried = new ArrayList<>();
        for (Candidate c : candidates) {
            Path p = c.dir().resolve(given).normalize();
            if (Files.isRegularFile(p)) return p;
            tried.add(p + " (" + c.origin() + (Files.isDirectory(c.dir()) ? "" : ", folder does not exist") + ")");
        }
        String hint = candidates.get(0).origin().equals("--data") ? "" : "; set --data DIR or " + ENV + " to point at the data folder";
        throw new DataException("data file " + name + " not found; looked in " + String.join(", ", tried) + hint);
    }
}
