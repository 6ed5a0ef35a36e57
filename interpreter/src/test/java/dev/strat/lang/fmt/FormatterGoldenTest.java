package dev.strat.lang.fmt;

import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import dev.strat.lang.parse.ParseResult;
import dev.strat.lang.parse.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden formatting tests: {@code golden/fmt/NAME.strat} formats to exactly
 * {@code NAME.formatted}, and the formatted text is a fixed point. {@code -Dgolden.update=true}
 * rewrites the expected files.
 */
class FormatterGoldenTest {

    static final Path DIR = Path.of(System.getProperty("strat.repo.root", ".."))
            .resolve("interpreter/src/test/resources/golden/fmt");

    @TestFactory
    Stream<DynamicTest> goldenFormatting() throws IOException {
        Path dir = Files.isDirectory(DIR) ? DIR : Path.of("src/test/resources/golden/fmt");
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(p -> p.toString().endsWith(".strat")).sorted().toList();
        }
        assertFalse(cases.isEmpty());
        return cases.stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
            String name = input.getFileName().toString();
            ParseResult r = Parser.parse(new Source(name, Files.readString(input, StandardCharsets.UTF_8)));
            assertTrue(r.diagnostics().isEmpty(), () -> DiagnosticFormatter.formatAll(r.diagnostics()));
            String actual = Formatter.format(r.program());
            Path expected = input.resolveSibling(name.replaceFirst("\\.strat$", ".formatted"));
            if (Boolean.getBoolean("golden.update")) {
                Path tmp = Files.createTempFile(dir, name, ".tmp");
                Files.writeString(tmp, actual, StandardCharsets.UTF_8);
                Files.move(tmp, expected, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, name);
            assertEquals(actual, Formatter.format(Parser.parse(new Source(name, actual)).program()), "not a fixed point");
        }));
    }
}
