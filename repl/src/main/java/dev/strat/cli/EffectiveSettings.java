package dev.strat.cli;

import dev.strat.lang.api.RunOptions;
import dev.strat.lang.settings.ProjectSettings;
import dev.strat.runtime.data.DataRoot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Every setting of a run with the place it came from. The order, highest first: a command-line
 * flag, the environment ({@code STRAT_DATA}, for the data folder only), the project's
 * {@code strat.yaml}, the built-in default. A program's own {@code report "..."} folder wins over
 * {@code strat.yaml}'s {@code out} as it wins over the default {@code ./out}; only {@code --out}
 * wins over the program.
 *
 * @param project  the project settings read (or {@link ProjectSettings#NONE})
 * @param data     the data folder and its origin
 * @param out      the output folder
 * @param outGiven true when {@code --out} named the folder
 * @param seed     the seed override, empty for the program's own seeds
 * @param progress whether to show progress
 * @param quiet    whether to print only tables and errors
 */
public record EffectiveSettings(ProjectSettings project, DataRoot data, Setting<Path> out, boolean outGiven,
                                Setting<OptionalLong> seed, Setting<Boolean> progress, Setting<Boolean> quiet) {

    /** A value and where it came from: a flag, an environment variable, {@code strat.yaml:L:C} or default. */
    public record Setting<T>(T value, String origin) { }

    /**
     * Resolves the settings of a command.
     *
     * @param flags      the command's {@code --data}, {@code --out} and {@code --seed}
     * @param noProgress {@code --no-progress} was given
     * @param quiet      {@code --quiet} was given
     */
    public static EffectiveSettings resolve(CliContext ctx, SessionOptions flags, boolean noProgress, boolean quiet,
                                            ProjectSettings project) {
        DataRoot data = ctx.dataRoots().dataRoot(flags.data, project.data());
        Setting<Path> out = flags.out != null ? new Setting<>(ctx.cwd().resolve(flags.out).normalize(), "--out")
                : project.out().map(v -> new Setting<>(v.value(), v.origin()))
                .orElseGet(() -> new Setting<>(ctx.cwd().resolve("out").normalize(), "default ./out"));
        Setting<OptionalLong> seed = flags.seed != null ? new Setting<>(OptionalLong.of(flags.seed), "--seed")
                : project.seed().map(v -> new Setting<>(OptionalLong.of(v.value()), v.origin()))
                .orElseGet(() -> new Setting<>(OptionalLong.empty(), "default: each experiment's own seeds"));
        Setting<Boolean> progress = noProgress ? new Setting<>(false, "--no-progress")
                : project.progress().map(v -> new Setting<>(v.value(), v.origin())).orElseGet(() -> new Setting<>(true, "default"));
        Setting<Boolean> quietly = quiet ? new Setting<>(true, "--quiet")
                : project.quiet().map(v -> new Setting<>(v.value(), v.origin())).orElseGet(() -> new Setting<>(false, "default"));
        return new EffectiveSettings(project, data, out, flags.out != null, seed, progress, quietly);
    }

    /** The engine's options for a program in {@code baseDir}. */
    public RunOptions toRunOptions(Path baseDir) {
        RunOptions options = new RunOptions(data.dir(), out.value(), seed.value(), baseDir.toAbsolutePath().normalize());
        // a folder named on the command line wins over the program's report "..." lines
        return outGiven ? options.withOut(out.value()) : options;
    }

    /** One line per setting: name, value, origin; the settings file first. */
    public List<String> describe() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"settings", project.file().map(Path::toString).orElse("(no strat.yaml found)"), ""});
        rows.add(new String[]{"data", data.dir().toString(), data.origin()});
        rows.add(new String[]{"out", out.value().toString(), out.origin()});
        rows.add(new String[]{"seed", seed.value().isPresent() ? Long.toString(seed.value().getAsLong()) : "(program's)", seed.origin()});
        rows.add(new String[]{"progress", Boolean.toString(progress.value()), progress.origin()});
        rows.add(new String[]{"quiet", Boolean.toString(quiet.value()), quiet.origin()});
        int name = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        int value = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            String line = pad(r[0], name) + "  " + (r[2].isEmpty() ? r[1] : pad(r[1], value) + "  from " + r[2]);
            lines.add(line.stripTrailing());
        }
        return lines;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

}
