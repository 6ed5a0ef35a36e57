package dev.strat.lang;

import dev.strat.lang.api.RunOptions;
import dev.strat.lang.api.Session;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REPL keeps reading while an entry is unfinished, and stops at a complete or broken one. */
class SessionIncompleteTest {

    private final Session session = new Interpreter().openSession(
            new RunOptions(Path.of("."), Path.of("out"), OptionalLong.empty(), Path.of(".")));

    @Test
    void unfinishedEntriesAskForMore() {
        for (String s : List.of("strategy s = olmar(window=5) |", "strategy s = olmar(window=5", "strategy s =",
                "market m = csv(\"a.csv\") symbols A,", "experiment e on m {\n compare ucrp",
                "strategy s = crp(weights=[0.5,")) {
            assertTrue(session.isIncomplete(s), s);
        }
    }

    @Test
    void completeOrBrokenEntriesDoNot() {
        for (String s : List.of("strategy s = olmar(window=5)", "strategy s = olmr)", "capital 1_000_000", "# just a comment", "",
                "strategy s = ucrp | constrain(max_weight=40%)",
                // an open range is a finished period, not a line to continue
                "split s = train ..2020, test 2021-01-01..")) {
            assertFalse(session.isIncomplete(s), s);
        }
    }
}
