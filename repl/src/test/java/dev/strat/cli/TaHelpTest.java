package dev.strat.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strat.stdlib.StandardLibrary;
import org.junit.jupiter.api.Test;

/** {@code :help} lists the indicators of the ta feature and describes each. */
class TaHelpTest {

    private final BuiltinHelp help = new BuiltinHelp(StandardLibrary.registry());

    @Test
    void theListingShowsTheIndicators() {
        String listing = help.listing();
        int at = listing.indexOf("indicators (arguments of the ta feature)");
        assertTrue(at >= 0, listing);
        String group = listing.substring(at);
        for (String name : new String[] {"all", "rsi", "macd", "cci", "ultosc", "sar", "ppo_osc", "minus_di"}) {
            assertTrue(group.contains("\n  " + name + " "), name + " in\n" + group);
        }
    }

    @Test
    void anIndicatorsPageShowsItsWindowAndField() {
        BuiltinHelp.Lookup cmo = help.describe("cmo");
        assertTrue(cmo.found());
        assertTrue(cmo.text().contains("window") && cmo.text().contains("field") && cmo.text().contains("open"), cmo.text());
        assertTrue(help.describe("ta").text().contains("Appendix A"), help.describe("ta").text());
    }
}
