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
        assertEquals(new DataRootResolver.Resolved(Path.of("/work/project/sub/mydata"), "--data"),
                r.resolveWithOrigin(Path.of("mydata")));
        assertEquals(Path.of("/abs/data"), r.resolve(Path.of("/abs/data")));
    }

    @Test
    void environmentComesNext() {
        var r = new DataRootResolver(Map.of("STRAT_DATA", "../d"), Optional.of("/home/strat"), CWD);
        assertEquals(new DataRootResolver.Resolved(Path.of("/work/project/d"), "STRAT_DATA"), r.resolveWithOrigin(null));
    }

    @Test
    void blankEnvironmentIsIgnored() {
        var r = new DataRootResolver(Map.of("STRAT_DATA", "  "), Optional.of("/home/strat"), CWD);
        assertEquals(Path.of("/home/shared/data"), r.resolve(null));
    }

    @Test
    void homeIsTheRepositoryRoot() {
        var r = new DataRootResolver(Map.of(), Optional.of("/work/wt/cli"), CWD);
        assertEquals(new DataRootResolver.Resolved(Path.of("/work/wt/shared/data"), "strat.home"), r.resolveWithOrigin(null));
    }

    @Test
    void withoutHomeTheCurrentDirectoryIsUsed() {
        var r = new DataRootResolver(Map.of(), Optional.empty(), CWD);
        assertEquals(new DataRootResolver.Resolved(Path.of("/work/project/shared/data"), "current directory"), r.resolveWithOrigin(null));
    }
}
