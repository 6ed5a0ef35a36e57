package dev.strat.lang.load;

import dev.strat.lang.ast.Program;
import dev.strat.lang.check.CheckContext;
import dev.strat.lang.check.CheckResult;
import dev.strat.lang.check.Checker;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.stdlib.StandardLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportResolverTest {

    private static ImportResolver.Resolved resolve(String main, Map<String, String> files) {
        Program program = CheckContext.parse(new Source(main, files.get(main))).program();
        return new ImportResolver(new InMemorySourceLoader(files), CheckContext::parse).resolve(program);
    }

    private static List<String> names(ImportResolver.Resolved r) {
        return r.programs().stream().map(p -> p.source().name()).toList();
    }

    @Test
    void importsResolveRelativeToTheImportingFile() {
        ImportResolver.Resolved r = resolve("app/main.strat", Map.of(
                "app/main.strat", "import \"lib/a.strat\"\nstrategy m = a",
                "app/lib/a.strat", "import \"../shared/b.strat\"\nstrategy a = b",
                "app/shared/b.strat", "strategy b = ucrp"));
        assertEquals(List.of(), r.diagnostics());
        assertEquals(List.of("app/shared/b.strat", "app/lib/a.strat", "app/main.strat"), names(r));
    }

    @Test
    void aFileImportedTwiceIsLoadedOnce() {
        ImportResolver.Resolved r = resolve("main.strat", Map.of(
                "main.strat", "import \"a.strat\"\nimport \"b.strat\"",
                "a.strat", "import \"c.strat\"",
                "b.strat", "import \"./c.strat\"",
                "c.strat", "strategy c = ucrp"));
        assertEquals(List.of(), r.diagnostics());
        assertEquals(List.of("c.strat", "a.strat", "b.strat", "main.strat"), names(r));
    }

    @Test
    void cyclesAreReportedWithTheirPathAtTheClosingImport() {
        ImportResolver.Resolved r = resolve("a.strat", Map.of(
                "a.strat", "import \"b.strat\"",
                "b.strat", "strategy x = ucrp\nimport \"a.strat\""));
        assertEquals(1, r.diagnostics().size());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("import cycle: a.strat -> b.strat -> a.strat", d.message());
        assertEquals("b.strat", d.span().source().name());
        assertEquals(2, d.span().line());
    }

    @Test
    void selfImportIsACycle() {
        ImportResolver.Resolved r = resolve("a.strat", Map.of("a.strat", "import \"a.strat\""));
        assertEquals("import cycle: a.strat -> a.strat", r.diagnostics().get(0).message());
    }

    @Test
    void missingFilesAreReportedAtTheImport() {
        ImportResolver.Resolved r = resolve("dir/a.strat", Map.of("dir/a.strat", "strategy s = ucrp\nimport \"nope.strat\""));
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("cannot import \"nope.strat\"", d.message());
        assertEquals(Optional.of("no such file: dir/nope.strat"), d.hint());
        assertEquals(2, d.span().line());
    }

    @Test
    void errorsOfImportedFilesCarryTheirFileName() {
        CheckResult r = Checker.check(new Source("main.strat", "import \"lib.strat\"\nstrategy s = good"),
                new CheckContext(StandardLibrary.registry(), new InMemorySourceLoader(Map.of(
                        "lib.strat", "strategy good = ucrp\nstrategy bad = olmar(windw=3)\nstrategy worse = olmar(")), Optional.empty()));
        assertEquals(List.of("lib.strat", "lib.strat"), r.errors().stream().map(d -> d.span().source().name()).toList());
        assertTrue(r.errors().stream().anyMatch(d -> d.message().equals("'olmar' has no parameter 'windw'")));
    }

    @Test
    void importedDefinitionsAreVisibleAndDuplicatesAcrossFilesReported() {
        CheckResult r = Checker.check(new Source("main.strat", "import \"lib.strat\"\nstrategy s = good | constrain(max_weight=50%)\nstrategy good = bah"),
                new CheckContext(StandardLibrary.registry(), new InMemorySourceLoader(Map.of("lib.strat", "strategy good = ucrp")), Optional.empty()));
        assertEquals(List.of("strategy 'good' is already defined at lib.strat:1:10"), r.errors().stream().map(Diagnostic::message).toList());
    }

    @Test
    void resolveNormalisesPaths() {
        SourceLoader loader = InMemorySourceLoader.empty();
        assertEquals("lib/x.strat", loader.resolve("main.strat", "lib/x.strat"));
        assertEquals("x.strat", loader.resolve("lib/main.strat", "../x.strat"));
        assertEquals("a/b/c.strat", loader.resolve("a/b/main.strat", "./c.strat"));
        assertEquals("/abs/c.strat", loader.resolve("a/main.strat", "/abs/c.strat"));
        assertEquals("bad\u0000name", loader.resolve("a/main.strat", "bad\u0000name"));
        assertTrue(loader.read("bad\u0000name") instanceof SourceLoader.Loaded.Missing);
    }

    @Test
    void fileLoaderReadsRelativeToItsFolderAndSaysWhereItLooked(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/a.strat"), "strategy a = ucrp");
        FileSourceLoader loader = new FileSourceLoader(dir);
        SourceLoader.Loaded found = loader.read("lib/a.strat");
        assertEquals(new SourceLoader.Loaded.Found(new Source("lib/a.strat", "strategy a = ucrp")), found);
        SourceLoader.Loaded missing = loader.read("lib/b.strat");
        assertEquals(new SourceLoader.Loaded.Missing("no such file: " + dir.toAbsolutePath().normalize().resolve("lib/b.strat")), missing);
        assertTrue(loader.read("lib") instanceof SourceLoader.Loaded.Missing);
    }
}
