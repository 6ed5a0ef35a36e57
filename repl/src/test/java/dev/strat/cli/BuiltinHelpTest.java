package dev.strat.cli;

import dev.strat.stdlib.Component;
import dev.strat.stdlib.ComponentKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuiltinHelpTest {

    private final BuiltinHelp help = new BuiltinHelp(TestRegistry.registry());

    @Test
    void pageOfOneBuiltin() {
        assertEquals("""
                olmar(window=5, eps=10)
                  kind: allocator (starts a pipeline)
                  On-line moving average reversion

                  Predicts each asset's next price relative as its moving average over the last
                  window bars divided by today's price, then moves the portfolio the least
                  distance needed for the predicted return to reach eps. Good on mean-reverting
                  markets; poor when trends persist.

                  parameters:
                    name    type                             default  range
                    window  bars or length (e.g. 21 or 21d)  5        >= 2
                            length of the moving average the next price is predicted from
                    eps     number                           10       >= 1
                            reversion threshold: how far the predicted return must exceed 1
                            before the portfolio moves

                  reference: Li, B. and Hoi, S. C. H. (2012). On-line portfolio selection with
                             moving average reversion. ICML.

                  example:
                    strategy fast = olmar(window=5) | constrain(max_weight=40%)
                """, help.describe(TestRegistry.olmar()));
    }

    @Test
    void listingGroupsByKind() {
        assertEquals("""
                built-ins (4):

                allocators
                  olmar      On-line moving average reversion
                  ucrp       Uniform constant rebalanced portfolio

                transforms
                  constrain  Clips weights to limits

                risk controllers
                  barrier    Barrier-function risk controller

                :help NAME (strat builtins NAME) shows a built-in's parameters and an example.
                """, help.listing());
    }

    @Test
    void shortColumnsKeepTheDocInItsColumn() {
        String page = help.describe("constrain").text();
        assertTrue(page.contains("""
                  parameters:
                    name        type     default  range      doc
                    max_weight  number   1        in [0, 1]  largest weight of one asset
                    long_only   boolean  true     -          forbid negative weights
                """), page);
        assertTrue(help.describe("barrier").text().startsWith("barrier(window, risk=cvar)\n  kind: risk (follows another stage in a pipeline)\n"));
    }

    @Test
    void unknownNameSuggests() {
        BuiltinHelp.Lookup l = help.describe("barier");
        assertFalse(l.found());
        assertEquals("unknown built-in 'barier'; did you mean 'barrier'?\n", l.text());
        assertEquals("unknown built-in 'zzzzzz'\n", help.describe("zzzzzz").text());
    }

    @Test
    void componentsAreListedInThePluralAsArgumentsOfTheirStages() {
        BuiltinHelp withComponents = new BuiltinHelp(dev.strat.stdlib.Registry.builder()
                .add(TestRegistry.olmar())
                .add(component("random", ComponentKind.POLICY, "Chooses a member at random"))
                .add(component("momentum", ComponentKind.SCORER, "Ranks by past return"))
                .add(component("softmax", ComponentKind.ACTIONS, "Softmax of the action"))
                .build());
        assertEquals("""
                built-ins (1):

                allocators
                  olmar     On-line moving average reversion

                action maps (arguments of agents)
                  softmax   Softmax of the action

                policies (arguments of switch and blend)
                  random    Chooses a member at random

                scorers (arguments of select)
                  momentum  Ranks by past return

                :help NAME (strat builtins NAME) shows a built-in's parameters and an example.
                """, withComponents.listing());
        assertTrue(withComponents.describe("random").text().startsWith(
                "random\n  kind: policy (an argument of switch and blend, not a stage)\n"), withComponents.describe("random").text());
        assertTrue(withComponents.describe("momentum").text().contains("kind: scorer (an argument of select, not a stage)"));
        assertTrue(withComponents.describe("softmax").text().contains("kind: action map (an argument of agents, not a stage)"));
    }

    @Test
    void theStandardLibraryListsNoMadeUpPlurals() {
        String listing = new BuiltinHelp(dev.strat.stdlib.StandardLibrary.registry()).listing();
        for (ComponentKind kind : ComponentKind.values()) {
            assertTrue(listing.contains("\n" + kind.plural() + " (arguments of " + kind.argumentOf() + ")\n"), kind + ":\n" + listing);
        }
        assertFalse(listing.contains("policys"), listing);
    }

    private static Component component(String name, ComponentKind kind, String summary) {
        // help reads names, kinds and docs only; a factory that is never called stands in
        return new Component(name, List.of(), summary, "", "", name, factory(dev.strat.stdlib.ComponentType.of(kind)));
    }

    private static <T> dev.strat.stdlib.ComponentFactory<T> factory(dev.strat.stdlib.ComponentType<T> type) {
        return type.factory((args, context) -> {
            throw new AssertionError("help never builds a component");
        });
    }
}
