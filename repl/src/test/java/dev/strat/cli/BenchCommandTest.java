package dev.strat.cli;

import dev.strat.stdlib.StandardLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code strat bench} on the real data file, shrunk to a few assets and bars so it runs in seconds. */
class BenchCommandTest {

    static final Path DATA = Path.of(System.getProperty("strat.repo.root", ".."), "..", "shared", "data").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private CliRunner cli() {
        CliRunner cli = new CliRunner(dir);
        cli.registry = StandardLibrary.registry();
        return cli;
    }

    private static String[] quick(String... extra) {
        String[] base = {"bench", "--data", DATA.toString(), "--assets", "3", "--bars", "300", "--rounds", "1", "--iterations", "1",
                "--warmup-ms", "0", "--repeats", "1"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void printsEveryFigureWithItsTargetAndWritesJson() throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve("us_large_caps_daily.csv.gz")), "shared data not present");
        CliRunner cli = cli();
        int code = cli.run(quick("--json", "out/bench.json"));
        assertEquals(0, code, cli.err);
        assertTrue(cli.out.contains("3 assets, 299 decisions"), cli.out);
        assertTrue(cli.out.matches("(?s).*crp throughput, 1 core +[0-9.]+ M/s .*>= 100 M/s +(PASS|MISS).*"), cli.out);
        assertTrue(cli.out.matches("(?s).*comparison, first run \\(cold, [0-9]+ threads?\\) +[0-9.]+ ms +11 backtests +< 1000 ms +(PASS|MISS).*"), cli.out);
        for (String name : BenchCommand.BASELINES) {
            assertTrue(cli.out.matches("(?s).*\\n" + name + " +([0-9.]+ ms|-) +[0-9.]+ ms\\n.*"), name + " row missing:\n" + cli.out);
        }
        // the targets apply to >= 2000 bars: a shorter run says so
        assertTrue(cli.err.contains("at least 2000 bars"), cli.err);
        String json = Files.readString(dir.resolve("out/bench.json"));
        assertTrue(json.contains("\"symbols\": [\"AAPL\", \"MSFT\", \"AMZN\"]"), json);
        assertTrue(json.contains("\"decisions\": 299"), json);
        assertTrue(json.matches("(?s).*\"crp\": \\{\"asset_steps_per_second\": \\{\"median\": [0-9.]+, .*\"target\": 100000000, \"pass\": (true|false)\\}.*"), json);
        assertTrue(json.matches("(?s).*\"cold_ms\": [0-9.]+, \"uptime_after_cold_ms\": [0-9]+, .*"), json);
        assertTrue(json.contains("\"corn\": {\"cold\": "), json);
        assertTrue(json.contains("\"fresh_jvm\": true"), json);
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(1, files.count(), "no temporary file is left beside the result");
        }
    }

    @Test
    void noForkMeasuresInThisJvm() {
        assumeTrue(Files.isRegularFile(DATA.resolve("us_large_caps_daily.csv.gz")), "shared data not present");
        CliRunner cli = cli();
        assertEquals(0, cli.run(quick("--no-fork")), cli.err);
        assertTrue(cli.out.contains("in this JVM after the comparison"), cli.out);
    }

    @Test
    void badOptionsAreUserErrors() {
        CliRunner cli = cli();
        assertEquals(2, cli.run("bench", "--assets", "21"));
        assertTrue(cli.err.contains("--assets must be between 1 and 20"), cli.err);
        assertEquals(2, cli.run("bench", "interpreter"));
        assertTrue(cli.err.contains("unknown benchmark 'interpreter'"), cli.err);
        assertEquals(2, cli.run("bench", "--rounds", "0"));
        assertTrue(cli.err.contains("--rounds must be at least 1"), cli.err);
    }

    @Test
    void badRlOptionsAreUserErrorsBeforeAnythingRuns() {
        CliRunner cli = cli();
        assertEquals(2, cli.run("bench", "rl", "--algorithms", "td3,dqn"));
        assertTrue(cli.err.contains("unknown algorithm 'dqn'; use td3, sac, ddpg, ppo, a2c"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--sizes", "huge"));
        assertTrue(cli.err.contains("unknown size 'huge'; use small or paper"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--runs", "0"));
        assertTrue(cli.err.contains("--runs must be at least 1"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--steps-scale", "0"));
        assertTrue(cli.err.contains("--steps-scale must be above 0"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--clock", "sundial"));
        assertTrue(cli.err.contains("unknown clock 'sundial'; use cpu or wall"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--memory", "--sizes", "small,paper"));
        assertTrue(cli.err.contains("--memory runs one size"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--memory", "--algorithms", "td3,sac"));
        assertTrue(cli.err.contains("--memory runs one algorithm"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--max-direct-mb", "64"));
        assertTrue(cli.err.contains("--max-direct-mb belongs to the memory check"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--memory", "--max-direct-mb", "0"));
        assertTrue(cli.err.contains("--max-direct-mb must be at least 1"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--runs", "2", "--repeats", "3"));
        assertTrue(cli.err.contains("--runs and --repeats are the same option"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--peer", "peers", "--no-peer"));
        assertTrue(cli.err.contains("--peer and --no-peer contradict each other"), cli.err);
        assertEquals(2, cli.run("bench", "rl", "--memory", "--no-peer"));
        assertTrue(cli.err.contains("belong to the throughput comparison"), cli.err);
        // a peer asked for by name that is not there stops the run, rather than falling back silently
        assertEquals(2, cli.run("bench", "rl", "--peer", "no-such-peer"));
        assertTrue(cli.err.contains("--peer no-such-peer: no peer at"), cli.err);
        // the rl options do not silently do nothing on the backtest benchmark
        assertEquals(2, cli.run("bench", "--sizes", "small"));
        assertTrue(cli.err.contains("belong to 'strat bench rl'"), cli.err);
        assertEquals(2, cli.run("bench", "--peer", "x"));
        assertTrue(cli.err.contains("belong to 'strat bench rl'"), cli.err);
        assertEquals(2, cli.run("bench", "gpu"));
        assertTrue(cli.err.contains("unknown benchmark 'gpu'; use 'backtest', 'rl', 'hc' or 'polyglot'"), cli.err);
        assertTrue(!cli.err.contains("Exception"), cli.err);
    }

    @Test
    void missingDataIsAUserError() {
        CliRunner cli = cli();
        assertEquals(2, cli.run("bench", "--data", dir.resolve("nowhere").toString()));
        assertTrue(cli.err.contains("us_large_caps_daily.csv.gz not found"), cli.err);
        assertTrue(!cli.err.contains("Exception"), cli.err);
    }

    @Test
    void tooManyBarsIsAUserError() {
        assumeTrue(Files.isRegularFile(DATA.resolve("us_large_caps_daily.csv.gz")), "shared data not present");
        CliRunner cli = cli();
        assertEquals(2, cli.run("bench", "--data", DATA.toString(), "--assets", "2", "--bars", "9999"));
        assertTrue(cli.err.contains("--bars must be between 2 and 5033"), cli.err);
    }
}
