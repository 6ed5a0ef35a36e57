package dev.strat.lang.settings;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** strat.yaml: every setting read with its place; every mistake located, with a did-you-mean. */
class SettingsFileTest {

    private static final Path FILE = Path.of("/proj/strat.yaml");

    private static SettingsFile.Loaded parse(String text) {
        return SettingsFile.parse(new Source("strat.yaml", text), FILE);
    }

    private static String errors(String text) {
        SettingsFile.Loaded loaded = parse(text);
        assertFalse(loaded.ok(), "expected errors for:\n" + text);
        return DiagnosticFormatter.formatAll(loaded.diagnostics());
    }

    @Test
    void readsEverySettingWithItsLineAndColumn() {
        SettingsFile.Loaded loaded = parse("# project settings\ndata: ../shared/data\nout:   results\nseed: 42\nprogress: false\nquiet: true\n");
        assertTrue(loaded.ok(), loaded.diagnostics().toString());
        ProjectSettings s = loaded.settings();
        assertEquals(Optional.of(FILE), s.file());
        // relative paths resolve against the folder of strat.yaml, not the current directory
        assertEquals(Path.of("/shared/data"), s.data().orElseThrow().value());
        assertEquals(Path.of("/proj/results"), s.out().orElseThrow().value());
        assertEquals("strat.yaml:3:8", s.out().orElseThrow().origin());
        assertEquals(42L, s.seed().orElseThrow().value());
        assertEquals("strat.yaml:4:7", s.seed().orElseThrow().origin());
        assertEquals(false, s.progress().orElseThrow().value());
        assertEquals(true, s.quiet().orElseThrow().value());
    }

    @Test
    void anEmptyFileSetsNothing() {
        SettingsFile.Loaded loaded = parse("# nothing yet\n");
        assertTrue(loaded.ok());
        assertTrue(loaded.settings().data().isEmpty() && loaded.settings().seed().isEmpty());
    }

    @Test
    void anUnknownKeyIsLocatedWithDidYouMean() {
        String text = errors("data: d\nsede: 3\n");
        assertTrue(text.startsWith("strat.yaml:2:1: error: unknown setting 'sede' in strat.yaml"), text);
        assertTrue(text.contains("did you mean 'seed'?"), text);
        assertTrue(text.contains("    2 | sede: 3"), text);
    }

    @Test
    void aKeyFarFromAnyListsTheSettings() {
        String text = errors("colour: blue\n");
        assertTrue(text.contains("settings: data, out, seed, progress, quiet"), text);
    }

    @Test
    void settingsThatDoNotExistSayWhatToDoInstead() {
        String threads = errors("threads: 4\n");
        assertTrue(threads.contains("strat.yaml:1:1: error: 'threads' is not a setting of strat.yaml"), threads);
        assertTrue(threads.contains("every core"), threads);
        assertTrue(errors("device: gpu\n").contains("argument of each learning agent"));
    }

    @Test
    void aWrongTypeIsLocatedAtTheValue() {
        String text = errors("out: results\nseed: \"42\"\n");
        assertTrue(text.startsWith("strat.yaml:2:7: error: 'seed' must be a whole number, not the text \"42\""), text);
        assertTrue(text.contains("for example: seed: 42"), text);
        assertTrue(errors("progress: maybe\n").contains("'progress' must be true or false, not the text \"maybe\""));
        assertTrue(errors("data: [a, b]\n").contains("'data' must be a folder name, not a list"));
        assertTrue(errors("seed: 1.5\n").contains("not the number 1.5"));
    }

    @Test
    void aDuplicateKeyPointsAtTheFirst() {
        String text = errors("seed: 1\nseed: 2\n");
        assertTrue(text.contains("strat.yaml:2:1: error: 'seed' is set twice"), text);
        assertTrue(text.contains("the first is at strat.yaml:1:1"), text);
    }

    @Test
    void notAMappingAndBadYamlAreLocatedErrors() {
        assertTrue(errors("- data\n- out\n").contains("strat.yaml must be a mapping of settings"));
        String bad = errors("data: d\nout: [unclosed\n");
        assertTrue(bad.contains("strat.yaml is not valid YAML"), bad);
        Diagnostic d = parse("data: d\nout: [unclosed\n").diagnostics().get(0);
        assertTrue(d.span().line() >= 2, d.toString());
    }

    @Test
    void findWalksUpFromTheProgramsFolder(@TempDir Path root) throws Exception {
        Path deep = Files.createDirectories(root.resolve("a/b/c"));
        assertEquals(Optional.empty(), SettingsFile.find(deep).filter(p -> p.startsWith(root)));
        Files.writeString(root.resolve("a/strat.yaml"), "seed: 3\n");
        assertEquals(Optional.of(root.resolve("a/strat.yaml").toAbsolutePath().normalize()), SettingsFile.find(deep));
        Files.writeString(root.resolve("a/b/strat.yaml"), "seed: 4\n");
        assertEquals(Optional.of(root.resolve("a/b/strat.yaml").toAbsolutePath().normalize()), SettingsFile.find(deep));
        SettingsFile.Loaded loaded = SettingsFile.load(SettingsFile.find(deep).orElseThrow(), "b/strat.yaml");
        assertEquals(4L, loaded.settings().seed().orElseThrow().value());
        assertEquals("b/strat.yaml:1:7", loaded.settings().seed().orElseThrow().origin());
    }
}
