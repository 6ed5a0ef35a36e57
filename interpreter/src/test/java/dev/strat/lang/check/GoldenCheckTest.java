package dev.strat.lang.check;

import dev.strat.lang.diag.Source;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden tests: each {@code golden/check/NAME.strat} is parsed and checked (imports read from the
 * same folder, the fake catalog of {@link CheckFixtures}) and the printed diagnostics plus a plan
 * summary must equal {@code NAME.out}. Run with {@code -Dgolden.update=true} to rewrite the
 * expected files after an intended change, then review the diff.
 */
class GoldenCheckTest {

    private static final Path DIR = Path.of(System.getProperty("strat.repo.root", ".."))
            .resolve("interpreter/src/test/resources/golden/check");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        assertTrue(Files.isDirectory(DIR), "golden folder missing: " + DIR.toAbsolutePath());
        List<Path> cases;
        try (Stream<Path> files = Files.list(DIR)) {
            cases = files.filter(p -> p.getFileName().toString().endsWith(".strat"))
                    .filter(p -> !p.getFileName().toString().startsWith("lib_"))
                    .sorted().toList();
        }
        assertTrue(cases.size() >= 20, "expected at least 20 golden cases, found " + cases.size());
        return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)));
    }

    /** Every golden file in memory, by file name, so messages do not depend on where the repository is. */
    private static Map<String, String> filesByName() throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> all = Files.list(DIR)) {
            for (Path p : all.filter(p -> p.toString().endsWith(".strat")).toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void run(Path file) throws IOException {
        String name = file.getFileName().toString();
        Source source = new Source(name, Files.readString(file, StandardCharsets.UTF_8));
        CheckResult result = Checker.check(source, CheckFixtures.context(filesByName(), true));
        String actual = CheckFixtures.render(result);
        Path expectedFile = DIR.resolve(name.substring(0, name.length() - ".strat".length()) + ".out");
        if (UPDATE) {
            Path tmp = Files.createTempFile(DIR, ".golden", ".tmp");
            Files.writeString(tmp, actual, StandardCharsets.UTF_8);
            Files.move(tmp, expectedFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        assertTrue(Files.exists(expectedFile), "no expected output " + expectedFile.getFileName() + "; run with -Dgolden.update=true");
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual, name);
        // a file named ok_* must check clean, any other must report at least one error
        if (name.startsWith("ok_")) assertTrue(result.ok(), name + " should check without errors");
        else assertFalse(result.ok(), name + " should report errors");
    }
}
