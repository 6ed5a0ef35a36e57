package dev.strat.cli;

import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.settings.ProjectSettings;
import dev.strat.lang.settings.SettingsFile;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds and reads a project's {@code strat.yaml} for a command; its mistakes stop the command. */
final class ProjectFiles {

    private ProjectFiles() {
    }

    /**
     * The settings of the nearest {@code strat.yaml} in {@code start} or above, or none.
     *
     * @throws DiagnosticsError when the file has errors (located, with a "did you mean")
     * @throws UserError        when it cannot be read
     */
    static ProjectSettings load(CliContext ctx, Path start) {
        Optional<Path> file = SettingsFile.find(ctx.cwd().resolve(start));
        if (file.isEmpty()) return ProjectSettings.NONE;
        SettingsFile.Loaded loaded;
        try {
            loaded = SettingsFile.load(file.get(), display(ctx, file.get()));
        } catch (UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
        if (!loaded.ok()) throw new DiagnosticsError(DiagnosticFormatter.formatAll(loaded.diagnostics()));
        return loaded.settings();
    }

    /** A path as the user would type it: relative to the current directory when inside it. */
    static String display(CliContext ctx, Path path) {
        Path abs = ctx.cwd().resolve(path).normalize();
        return abs.startsWith(ctx.cwd()) && !abs.equals(ctx.cwd()) ? ctx.cwd().relativize(abs).toString() : abs.toString();
    }
}
