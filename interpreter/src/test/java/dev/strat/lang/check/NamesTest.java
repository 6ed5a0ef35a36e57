package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NamesTest {

    private static List<Diagnostic> errors(String text) {
        return CheckFixtures.check(text).errors();
    }

    @Test
    void duplicateNamesPointAtTheFirstDefinition() {
        List<Diagnostic> d = errors("strategy x = ucrp\nstrategy x = bah");
        assertEquals(1, d.size());
        assertEquals("strategy 'x' is already defined at main.strat:1:10", d.get(0).message());
        assertEquals(2, d.get(0).span().line());
        assertEquals(Optional.empty(), d.get(0).hint());
    }

    @Test
    void allDeclarationKindsShareOneNamespace() {
        List<Diagnostic> d = errors("market x = synthetic gbm(assets=2, days=20)\nsplit x = test 2020\nexperiment x on x {\n compare ucrp\n}");
        assertEquals(List.of("split 'x' is already defined at main.strat:1:8", "experiment 'x' is already defined at main.strat:1:8"),
                d.stream().map(Diagnostic::message).toList());
        assertEquals(Optional.of("it is a market there; markets, splits, strategies, models, scenarios and experiments share one namespace"),
                d.get(0).hint());
    }

    @Test
    void onlyTheFirstDefinitionIsUsed() {
        // the second 's' is broken, but only its duplicate name is reported
        List<Diagnostic> d = errors("strategy s = ucrp\nstrategy s = olmr");
        assertEquals(List.of("strategy 's' is already defined at main.strat:1:10"), d.stream().map(Diagnostic::message).toList());
    }

    @Test
    void strategiesMayNotTakeBuiltinNames() {
        assertEquals(List.of("strategy 'ucrp' has the name of a built-in"),
                errors("strategy ucrp = bah").stream().map(Diagnostic::message).toList());
    }

    @Test
    void unknownSplitSuggestsSplits() {
        List<Diagnostic> d = errors("market m = synthetic gbm(assets=2, days=20)\nsplit main = test 2020\nexperiment e on m split mian {\n compare ucrp\n}");
        assertEquals("unknown split 'mian'", d.get(0).message());
        assertEquals(Optional.of("did you mean 'main'?"), d.get(0).hint());
    }

    @Test
    void wrongKindOfNameIsExplained() {
        List<Diagnostic> d = errors("market m = synthetic gbm(assets=2, days=20)\nstrategy s = ucrp\nexperiment e on m split s {\n compare ucrp\n}");
        assertEquals(List.of("'s' is a strategy, not a split"), d.stream().map(Diagnostic::message).toList());
    }

    @Test
    void notRunnableDeclarationsAreReportedAtTheirKeyword() {
        // a models pool is runnable now (switch, blend, compare); scenarios and goals are not yet
        List<Diagnostic> d = errors("models hc = [ucrp, bah]\nscenarios sim = gbm(paths=10)\ngoal wealth >= 2 at horizon");
        assertEquals(List.of("'scenarios' declarations are not runnable yet",
                "'goal' declarations are not runnable yet"), d.stream().map(Diagnostic::message).toList());
        assertEquals(9, d.get(0).span().length());
        assertEquals(1, d.get(1).span().column());
    }
}
