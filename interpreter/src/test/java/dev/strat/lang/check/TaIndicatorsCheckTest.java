package dev.strat.lang.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.lang.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The indicators of {@code ta(...)} are named in the language, checked with their windows and fields. */
class TaIndicatorsCheckTest {

    private static List<String> errors(String features) {
        CheckResult r = CheckFixtures.check("market m = synthetic gbm(assets=3, days=300, seed=1)\n"
                + "strategy s = agent td3(features=[" + features + ", weights])\n");
        return r.errors().stream().map(Diagnostic::message).toList();
    }

    @Test
    void indicatorsWithWindowsAndFieldsCheckClean() {
        assertEquals(List.of(), errors("ta(indicators=[rsi(14), macd, roc(6, field=volume), cmo(field=open), aroon, ppo_osc(5, 20)])"));
        assertEquals(List.of(), errors("ta(all)"));
        assertEquals(List.of(), errors("ta(indicators=all)"));
        assertEquals(List.of(), errors("ta"));
        assertEquals(List.of(), errors("ta(indicators=[all, bbp, stochk(5)], prices=as_stored)"));
        assertEquals(List.of(), errors("ta(indicators=[ultosc(short=5, medium=10, long=20), change(volume), sar, tsf(20)])"));
    }

    @Test
    void badIndicatorsAreClearErrors() {
        List<String> e = errors("ta(indicators=[rsx(14)])");
        assertEquals(1, e.size(), e::toString);
        assertTrue(e.get(0).contains("'rsx' is not a known indicator"), e.get(0));
        e = errors("ta(indicators=[returns(5)])");
        assertTrue(e.get(0).contains("'returns' is a feature, not an indicator"), e.toString());
        e = errors("ta(indicators=[rsi(0)])");
        assertEquals(1, e.size(), e::toString);
        assertTrue(e.get(0).contains("window"), e.get(0));
        e = errors("ta(indicators=[cmo(field=volume)])");
        assertEquals(1, e.size(), e::toString);
        assertTrue(e.get(0).contains("close, open"), e.get(0));
        e = errors("ta(indicators=[macd(26, 12)])");
        assertEquals(1, e.size(), e::toString);
        assertTrue(e.get(0).contains("macd needs its windows in increasing order (fast < slow)"), e.get(0));
    }
}
