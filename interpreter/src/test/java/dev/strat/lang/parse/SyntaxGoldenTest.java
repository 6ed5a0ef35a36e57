package dev.strat.lang.parse;

import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden syntax-error tests: each {@code golden/syntax/NAME.strat} must produce exactly the
 * diagnostics in {@code NAME.out}. Run with {@code -Dgolden.update=true} to rewrite the .out files
 * after an intended change (then review the diff).
 */
class SyntaxGoldenTest {

    static final Path DIR = Path.of(System.getProperty("strat.repo.root", ".."))
            .resolve("interpreter/src/test/resources/golden/syntax");

    @TestFactory
    Stream<DynamicTest> goldenSyntaxErrors() throws IOException {
        Path dir = Files.isDirectory(DIR) ? DIR : Path.of("src/test/resources/golden/syntax");
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(p -> p.toString().endsWith(".strat")).sorted().toList();
        }
        assertTrue(cases.size() >= 12, "expected at least 12 golden cases in " + dir);
        boolean update = Boolean.getBoolean("golden.update");
        return cases.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            String name = input.getFileName().toString();
            String text = Files.readString(input, StandardCharsets.UTF_8);
            ParseResult result = Parser.parse(new Source(name, text));
            String actual = DiagnosticFormatter.formatAll(result.diagnostics());
            Path expectedFile = input.resolveSibling(name.replaceFirst("\\.strat$", ".out"));
            if (update) {
                write(expectedFile, actual);
                return;
            }
            assertTrue(Files.exists(expectedFile), "missing " + expectedFile + " (run with -Dgolden.update=true)");
            assertFalse(actual.isEmpty(), name + " should produce syntax errors");
            assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, name);
        }));
    }

    private static void write(Path file, String text) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
