package dev.strat.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRootTest {

    @TempDir
    Path tmp;

    @Test
    void explicitFolderWinsAndIsTheOnlyPlaceSearched() throws IOException {
        Path explicit = Files.createDirectories(tmp.resolve("mine"));
        Path env = Files.createDirectories(tmp.resolve("env"));
        Files.writeString(env.resolve("x.csv"), "");
        DataRoot root = DataRoot.resolve(explicit.toString(), Map.of(DataRoot.ENV, env.toString()), tmp);
        assertEquals(explicit, root.dir());
        DataException e = assertThrows(DataException.class, () -> root.file("x.csv"));
        assertEquals("data file x.csv not found; looked in " + explicit.resolve("x.csv") + " (--data)", e.getMessage());
    }

    @Test
    void environmentWinsAndAMissingFolderIsReportedNotReplaced() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path shared = Files.createDirectories(tmp.resolve("shared/data"));
        Files.writeString(shared.resolve("a.csv.gz"), "");
        Path env = tmp.resolve("missing-env");
        DataRoot root = DataRoot.resolve(null, Map.of(DataRoot.ENV, env.toString()), repo);
        assertEquals(env, root.dir());
        DataException e = assertThrows(DataException.class, () -> root.file("a.csv.gz"));
        assertEquals("data file a.csv.gz not found; looked in " + env.resolve("a.csv.gz") + " (STRAT_DATA, folder does not exist)",
                e.getMessage(), "the default folder holds the file, but the user named another");
    }

    @Test
    void withoutOptionOrEnvironmentTheDefaultIsRelativeToBase() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Path shared = Files.createDirectories(tmp.resolve("shared/data"));
        Files.writeString(shared.resolve("a.csv.gz"), "");
        DataRoot root = DataRoot.resolve(null, Map.of(DataRoot.ENV, "  "), repo);
        assertEquals(shared, root.dir());
        assertEquals(shared.resolve("a.csv.gz"), root.file("a.csv.gz"));
        DataException e = assertThrows(DataException.class, () -> root.file("b.csv"));
        assertEquals("data file b.csv not found; looked in " + shared.resolve("b.csv") + " (default ../shared/data from " + repo
                + "); set --data DIR or STRAT_DATA to point at the data folder", e.getMessage());
    }

    @Test
    void absolutePathsAreTakenAsIs() throws IOException {
        Path f = Files.writeString(tmp.resolve("abs.csv"), "");
        DataRoot root = DataRoot.resolve(null, Map.of(), tmp);
        assertEquals(f, root.file(f.toString()));
        assertEquals("data file " + tmp.resolve("no.csv") + " not found",
                assertThrows(DataException.class, () -> root.file(tmp.resolve("no.csv").toString())).getMessage());
    }
}
