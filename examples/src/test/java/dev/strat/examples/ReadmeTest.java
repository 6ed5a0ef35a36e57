package dev.strat.examples;

import dev.strat.stdlib.ReferenceDoc;
import dev.strat.stdlib.StandardLibrary;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps README.md true: its built-in reference is generated from the registry, and CI runs
 * exactly the test command it gives. Run with {@code -Dreadme.update=true} to regenerate the
 * reference section.
 */
class ReadmeTest {

    private static final String BEGIN = "<!-- REFERENCE:BEGIN (generated from the registry by ReadmeTest; do not edit) -->";
    private static final String END = "<!-- REFERENCE:END -->";
    private static final Path README = ExamplesCheckTest.ROOT.resolve("README.md");

    @Test
    void referenceSectionMatchesTheRegistry() throws IOException {
        String text = Files.readString(README, StandardCharsets.UTF_8);
        int b = text.indexOf(BEGIN), e = text.indexOf(END);
        assertTrue(b >= 0 && e > b, "README.md lacks the reference markers");
        String generated = "\n" + ReferenceDoc.render(StandardLibrary.registry()).strip() + "\n";
        String current = text.substring(b + BEGIN.length(), e);
        if (Boolean.getBoolean("readme.update") && !current.equals(generated)) {
            Files.writeString(README, text.substring(0, b + BEGIN.length()) + generated + text.substring(e), StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, current, "README's reference is stale: run ./dev test -pl examples -Dreadme.update=true");
    }

    @Test
    void ciRunsExactlyTheReadmeTestCommand() throws IOException {
        List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
        int at = readme.indexOf("Run the whole test suite:");
        assertTrue(at >= 0, "README.md lost its test command paragraph");
        String command = readme.stream().skip(at + 1).filter(l -> !l.isBlank() && !l.startsWith("```")).findFirst().orElseThrow().strip();
        List<String> ci = Files.readAllLines(ExamplesCheckTest.ROOT.resolve(".ci/run"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd ")).toList();
        assertEquals(List.of(command), ci, ".ci/run must run exactly README's test command");
    }
}
