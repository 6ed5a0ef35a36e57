package dev.strat.lang.load;

import dev.strat.lang.diag.Source;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads imported files from disk. Names relative to the importing file stay relative (so
 * diagnostics show them as the user wrote them); they are read relative to {@code workingDir}.
 */
public final class FileSourceLoader implements SourceLoader {

    private final Path workingDir;

    public FileSourceLoader(Path workingDir) {
        this.workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** Reads relative names against the process's working directory. */
    public static FileSourceLoader ofWorkingDirectory() {
        return new FileSourceLoader(Path.of(""));
    }

    @Override
    public Loaded read(String name) {
        Path file;
        try {
            file = workingDir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return new Loaded.Missing("not a valid file name: " + name);
        }
        try {
            if (Files.isDirectory(file)) return new Loaded.Missing("not a file but a folder: " + file);
            return new Loaded.Found(new Source(name, Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return new Loaded.Missing("no such file: " + file);
        } catch (MalformedInputException e) {
            return new Loaded.Missing("not UTF-8 text: " + file);
        } catch (IOException e) {
            return new Loaded.Missing("cannot read " + file + ": " + e.getMessage());
        }
    }
}
