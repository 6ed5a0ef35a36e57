package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.plan.StageNode;
import dev.strat.runtime.data.TimeLength;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.Value;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArgumentBindingTest {

    private static Arguments args(String stage) {
        CheckResult r = TestRegistry.check("strategy s = " + stage);
        assertTrue(r.ok(), () -> CheckFixtures.messages(r));
        List<StageNode> nodes = r.plan().orElseThrow().strategy("s").orElseThrow().pipeline().stages();
        return nodes.get(0).args();
    }

    private static Diagnostic onlyError(String text) {
        CheckResult r = TestRegistry.check(text);
        assertEquals(1, r.errors().size(), () -> CheckFixtures.messages(r));
        return r.errors().get(0);
    }

    @Test
    void positionalArgumentsBindInOrderAndDefaultsFillTheRest() {
        Arguments a = args("alloc(7, 0.5)");
        assertEquals(new Value.Num(7, false, true), a.get("window"));
        assertEquals(new Value.Num(0.5, false, false), a.get("eta"));
        assertEquals(new Value.Word("fast"), a.get("mode"));
        assertEquals(List.of("window", "eta", "mode", "shift", "flag", "label", "horizon"), List.copyOf(a.asMap().keySet()));
    }

    @Test
    void everyLiteralKindConverts() {
        Arguments a = args("alloc(window=21d, eta=40%, mode=slow, shift=-0.5, flag=true, label=\"x y\", horizon=2y)");
        assertEquals(new Value.Length(new TimeLength(21, TimeLength.Unit.DAY)), a.get("window"));
        assertEquals(new Value.Num(0.4, true, false), a.get("eta"));
        assertEquals(new Value.Word("slow"), a.get("mode"));
        assertEquals(new Value.Num(-0.5, false, false), a.get("shift"));
        assertEquals(new Value.Bool(true), a.get("flag"));
        assertEquals(new Value.Str("x y"), a.get("label"));
        assertEquals(new Value.Length(new TimeLength(2, TimeLength.Unit.YEAR)), a.get("horizon"));
        Arguments f = args("fixed([60%, 0.4])");
        assertEquals(new Value.ListOf(List.of(new Value.Num(0.6, true, false), new Value.Num(0.4, false, false))), f.get("weights"));
    }

    @Test
    void quotedChoiceIsAcceptedAndUnknownChoiceRejected() {
        assertEquals(new Value.Str("slow"), args("alloc(mode=\"slow\")").get("mode"));
        Diagnostic d = onlyError("strategy s = alloc(mode=medium)");
        assertEquals("'mode' expects one of fast, slow, got a name medium", d.message());
        assertEquals(25, d.span().column());
    }

    @Test
    void unknownNameSuggestsTheClosestParameter() {
        Diagnostic d = onlyError("strategy s = alloc(windw=5)");
        assertEquals("'alloc' has no parameter 'windw'", d.message());
        assertEquals(Optional.of("did you mean 'window'?"), d.hint());
        assertEquals(20, d.span().column());
        assertEquals(5, d.span().length());
    }

    @Test
    void unknownNameWithoutCloseMatchListsParameters() {
        Diagnostic d = onlyError("strategy s = pair(a=1, b=2, zzzzzz=3)");
        assertEquals(Optional.of("parameters: a, b"), d.hint());
    }

    @Test
    void duplicateArgumentIsReportedEvenWhenOneIsPositional() {
        Diagnostic d = onlyError("strategy s = alloc(7, window=8)");
        assertEquals("argument 'window' of 'alloc' is given twice", d.message());
        assertEquals(Optional.of("first given at t.strat:1:20"), d.hint());
    }

    @Test
    void tooManyPositionalArguments() {
        Diagnostic d = onlyError("strategy s = pair(1, 2, 3)");
        assertEquals("too many arguments: 'pair' takes at most 2 arguments", d.message());
        assertEquals(25, d.span().column());
    }

    @Test
    void missingRequiredArgumentsAreEachReportedAtTheCallee() {
        CheckResult r = TestRegistry.check("strategy s = pair");
        assertEquals(List.of("'pair' needs argument 'a'", "'pair' needs argument 'b'"),
                r.errors().stream().map(Diagnostic::message).toList());
        assertEquals(14, r.errors().get(0).span().column());
    }

    @Test
    void invalidValueDoesNotAlsoCountAsMissing() {
        Diagnostic d = onlyError("strategy s = pair(a=1.5, b=2)");
        assertEquals("'a' expects integer, got a number 1.5", d.message());
    }

    @Test
    void rangeIsCheckedAtTheValue() {
        Diagnostic d = onlyError("strategy s = alloc(eta=150%)");
        assertEquals("'eta' must be in [0, 1], got 150%", d.message());
        assertEquals(24, d.span().column());
        assertEquals(4, d.span().length());
        assertEquals("'window' must be in [2, 500], got 1", onlyError("strategy s = alloc(window=1)").message());
    }

    @Test
    void negativeNumbersAreFoldedAndRangeChecked() {
        assertEquals("'shift' must be in [-1, 1], got -2", onlyError("strategy s = alloc(shift=-2)").message());
    }

    @Test
    void nonLiteralValuesAreRejected() {
        Diagnostic d = onlyError("strategy s = alloc(eta=1 + 2)");
        assertTrue(d.message().startsWith("argument 'eta' must be a literal value"), d.message());
        d = onlyError("strategy s = alloc(eta=alloc(window=3))");
        assertTrue(d.message().endsWith("not a call 'alloc(window=3)'"), d.message());
    }

    @Test
    void allProblemsOfOneCallAreReported() {
        CheckResult r = TestRegistry.check("strategy s = pair(a=20, c=1, a=2)");
        assertEquals(4, r.errors().size(), () -> CheckFixtures.messages(r));
        assertFalse(r.plan().isPresent());
    }

    @Test
    void aBareNameIsACallWithoutArguments() {
        Arguments a = args("alloc");
        assertEquals(new Value.Num(5, false, true), a.get("window"));
    }
}
