package dev.strat.examples;

import dev.strat.lang.Interpreter;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every example passes `strat check`, with symbols and dates checked against the shared data. */
class ExamplesCheckTest {

    static final Path ROOT = Path.of(System.getProperty("strat.repo.root", ".."));
    static final Path DATA = ROOT.resolve("../shared/data");

    @TestFactory
    Stream<DynamicTest> everyExampleChecks() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT.resolve("examples"))) {
            files = s.filter(p -> p.toString().endsWith(".strat")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no examples found under " + ROOT.resolve("examples"));
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().equals("quickstart.strat")));
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // Python examples need GraalPy, which only a -Ppython build carries
            org.junit.jupiter.api.Assumptions.assumeTrue(!file.getFileName().toString().endsWith("-python.strat")
                    || dev.strat.polyglot.GuestLanguage.PYTHON.installed(), "this build has no GraalPy (./dev build -Ppython)");
            // an absolute name, so that what an example imports (import js "functions/signals.js") resolves beside it
            Source source = new Source(file.toAbsolutePath().normalize().toString(), Files.readString(file, StandardCharsets.UTF_8));
            List<Diagnostic> diagnostics = new Interpreter().check(source, DATA).diagnostics();
            assertTrue(diagnostics.stream().noneMatch(Diagnostic::isError), DiagnosticFormatter.formatAll(diagnostics));
            // examples are what users copy: they stay in the layout `strat fmt` prints
            assertEquals(source.text(), new Interpreter().format(source).text(), "run ./strat fmt --write " + source.name());
        }));
    }
}
