package dev.strat.bench;

import dev.strat.runtime.data.SyntheticMarkets;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolBenchTest {

    @Test
    void timesTwelveScheduledModelsAndPrintsTheTotalAgainstTheTarget() {
        PoolBench.Result r = PoolBench.run(SyntheticMarkets.randomWalk(6, 900, 3), 24, 0.0);
        assertEquals(12, r.models().size());
        assertEquals("hrp(window=30, risk=cdar) every 24", r.models().get(0).label());
        assertEquals("herc(window=700, risk=cdar) every 24", r.models().get(11).label());
        assertTrue(r.models().stream().allMatch(m -> m.finalWealth() > 0 && m.seconds() >= 0 && m.decisions() == (898 + 23) / 24));
        StringWriter text = new StringWriter();
        PoolBench.print(r, new PrintWriter(text, true));
        assertTrue(text.toString().contains("total") && text.toString().contains("target < 20 s"), text::toString);
    }
}
