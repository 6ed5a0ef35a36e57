package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;

import dev.strat.stdlib.ParamType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** User functions are checked like built-ins, and their guest code is parsed by the check. */
class FunctionCheckTest {

    static final String MARKET = "market m = synthetic gbm(assets=3, days=300, seed=1)\n";

    static final String EQUAL = """
            function allocator flat(bias: number = 0 in 0..1, window: bars = 5 in 1..100) = js QQQ
            function flat(ctx, p) {
              const w = new Array(ctx.assets + 1).fill(1 / (ctx.assets + 1));
              return w;
            }
            QQQ
            """.replace("QQQ", "\"\"\"");

    @Test
    void aUserAllocatorResolvesLikeABuiltinWithItsParametersChecked() {
        CheckResult ok = CheckFixtures.check(MARKET + EQUAL + "experiment e on m { compare flat(bias=0.5, window=10d), ucrp }\n");
        assertTrue(ok.ok(), CheckFixtures.messages(ok));
        var stage = ok.plan().orElseThrow().experiments().get(0).compare().get(0).pipeline().stages().get(0);
        assertEquals("flat", stage.builtin().name());
        assertInstanceOf(ParamType.Bars.class, stage.builtin().param("window").orElseThrow().type());

        CheckResult out = CheckFixtures.check(MARKET + EQUAL + "experiment e on m { compare flat(bias=2) }\n");
        assertEquals("'bias' must be in [0, 1], got 2", CheckFixtures.messages(out));
        CheckResult unknown = CheckFixtures.check(MARKET + EQUAL + "experiment e on m { compare flat(bais=0.1) }\n");
        assertTrue(CheckFixtures.messages(unknown).contains("bais"), CheckFixtures.messages(unknown));
    }

    @Test
    void guestSyntaxErrorsAreReportedAtTheirLineOfTheProgram() {
        String broken = EQUAL.replace("return w;", "return w +;");
        CheckResult r = CheckFixtures.check(MARKET + broken);
        Diagnostic d = r.errors().get(0);
        // market on line 1, the function head on 2, 'return w +;' on line 5
        assertEquals(5, d.span().line(), d.toString());
        assertEquals("main.strat", d.span().source().name());
        assertTrue(d.message().startsWith("in function 'flat': syntax error"), d.message());
    }

    @Test
    void declarationMistakesAreLocatedErrors() {
        assertMessage(EQUAL.replace("allocator flat", "alocator flat"), "unknown function role 'alocator'");
        assertMessage(EQUAL.replace("window: bars", "window: bar"), "unknown parameter type 'bar'");
        assertMessage(EQUAL.replace("bias: number = 0 in", "bias: number = 3 in"), "the default of parameter 'bias' does not fit: 'bias' must be in [0, 1], got 3");
        assertMessage(EQUAL.replace("allocator flat(", "allocator ucrp(").replace("function flat", "function ucrp"),
                "function 'ucrp' has the name of a built-in");
        assertMessage(EQUAL.replace("= js", "= ruby"), "unknown language 'ruby'");
        assertMessage(EQUAL.replace("function flat(ctx", "function other(ctx"), "function 'flat': its JavaScript code defines no function 'flat'");
        assertMessage("function feature f(window: bars = 5) = js\n", "function 'f' has no code");
        assertMessage("allow write \"/tmp\"\n", "only 'allow read \"dir\"' is possible");
        assertMessage("allow read \"no/such/dir\"\n", "'allow read' needs a folder");
        assertMessage("function allocator p(x: number = 1) = python QQQ\ndef p(ctx, params): return None\nQQQ\n".replace("QQQ", "\"\"\""),
                "Python functions need GraalPy");
    }

    @Test
    void importedFilesDefineFunctionsAndTheirErrorsNameTheFile() {
        Map<String, String> files = Map.of("sig.js", "function score(ctx, p) { return new Array(ctx.assets).fill(1); }\n",
                "bad.js", "function broken(ctx, p) {\n  return ;;; )\n}\n");
        CheckResult ok = CheckFixtures.check(MARKET + "import js \"sig.js\"\nfunction scorer score(window: bars = 5) = js\n"
                + "experiment e on m { compare select top(2) by score | ucrp }\n", files);
        assertTrue(ok.ok(), CheckFixtures.messages(ok));
        CheckResult bad = CheckFixtures.check(MARKET + "import js \"bad.js\"\nfunction allocator broken() = js\n", files);
        assertTrue(CheckFixtures.messages(bad).startsWith("in function 'broken' at bad.js:2:"), CheckFixtures.messages(bad));
        CheckResult missing = CheckFixtures.check(MARKET + "import js \"none.js\"\n", files);
        assertTrue(CheckFixtures.messages(missing).startsWith("cannot import js file"), CheckFixtures.messages(missing));
    }

    @Test
    void aUserFeatureAndRewardAreComponentsOfAnAgent() {
        String program = MARKET + """
                function feature level(window: bars = 3) = js QQQ
                function level(ctx, p) { const o = []; for (let a = 0; a < ctx.assets; a++) o.push(ctx.close(0, a) / ctx.close(p.window, a)); return o; }
                QQQ
                function reward plain() = js QQQ
                function plain(o, p) { return o.logReturn; }
                QQQ
                strategy s = agent ppo(hidden=[8], features=[level(window=4), weights], reward=plain, n_steps=16, batch=8, epochs=1)
                """.replace("QQQ", "\"\"\"");
        CheckResult r = CheckFixtures.check(program);
        assertTrue(r.ok(), CheckFixtures.messages(r));
        CheckResult wrongKind = CheckFixtures.check(program.replace("reward=plain", "reward=level"));
        assertTrue(CheckFixtures.messages(wrongKind).contains("'level' is a feature, not a reward"), CheckFixtures.messages(wrongKind));
    }

    private static void assertMessage(String program, String expected) {
        CheckResult r = CheckFixtures.check(MARKET + program);
        assertFalse(r.ok(), "expected an error: " + expected);
        assertTrue(CheckFixtures.messages(r).contains(expected), CheckFixtures.messages(r));
    }

}
