package dev.strat.lang.load;

import dev.strat.lang.diag.Source;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds and reads the files a program imports. Names are the file names shown in diagnostics;
 * an import is resolved relative to the folder of the importing file. Tests use
 * {@link InMemorySourceLoader}; the command line uses {@link FileSourceLoader}.
 */
public interface SourceLoader {

    /** What reading a file gave: its text, or why it could not be read. */
    sealed interface Loaded {
        record Found(Source source) implements Loaded { }

        /** @param message why, saying where it looked, e.g. {@code no such file: /home/u/lib/a.strat} */
        record Missing(String message) implements Loaded { }
    }

    /**
     * The name of the file {@code path} imported by the file named {@code importer}: relative to the
     * importer's folder unless absolute, normalised, with forward slashes.
     */
    default String resolve(String importer, String path) {
        try {
            Path target = Path.of(path);
            Path resolved = target.isAbsolute() ? target : parentOf(importer).resolve(target);
            String name = resolved.normalize().toString().replace('\\', '/');
            return name.isEmpty() ? path : name;
        } catch (InvalidPathException e) {
            // not a possible file name; reading it reports it missing
            return path;
        }
    }

    /** Reads the file with the given resolved name. */
    Loaded read(String name);

    private static Path parentOf(String importer) {
        Path parent;
        try {
            parent = Path.of(importer).getParent();
        } catch (InvalidPathException e) {
            parent = null;
        }
        return parent == null ? Path.of("") : parent;
    }
}
