package dev.strat.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DataRootResolverTest {

    private static final Path CWD = Path.of("/work/project/sub");

    @Test
    void optionWinsAndResolvesAgainstCwd() {
        var r = new DataRootResolver(Map.of("STRAT_DATA", "/env/data"), Optional.of("/home/strat"), CWD);
        assertEquals(Path.of("/work/project/sub/mydata"), r.resolve(Path.of("mydata")));
        assertEquals("--data", r.dataRoot(Path.of("mydata")).origin());
        assertEquals(Path.of("/abs/data"), r.resolve(Path.of("/abs/data")));
    }

    @Test
    void environmentComesNext() {
        var r = new DataRootResolver(Map.of("STRAT_DATA", "../d"), Optional.of("/home/strat"), CWD);
        assertEquals(Path.of("/work/project/d"), r.resolve(null));
        assertEquals("STRAT_DATA", r.dataRoot(null).origin(), "a folder that does not exist is not replaced by the default");
    }

    @Test
    void blankEnvironmentIsIgnored() {
        var r = new DataRootResolver(Map.of("STRAT_DATA", "  "), Optional.of("/home/strat"), CWD);
        assertEquals(Path.of("/home/shared/data"), r.resolve(null));
    }

    @Test
    void homeIsTheRepositoryRoot() {
        assertEquals(Path.of("/nowhere/wt/shared/data"), new DataRootResolver(Map.of(), Optional.of("/nowhere/wt/cli"), CWD).resolve(null));
    }

    @Test
    void withoutHomeTheCurrentDirectoryIsUsed() {
        var r = new DataRootResolver(Map.of(), Optional.empty(), CWD);
        assertEquals(Path.of("/work/project/shared/data"), r.resolve(null));
    }
}
