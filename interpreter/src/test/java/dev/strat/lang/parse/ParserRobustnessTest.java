package dev.strat.lang.parse;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.DiagnosticFormatter;
import dev.strat.lang.diag.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser never throws and never hangs: random mutations of the sketch programs yield a
 * program or diagnostics; large and deeply nested inputs are handled. The timeouts only guard
 * against runaway prediction; they are far above the expected run time.
 */
class ParserRobustnessTest {

    private static final String[] FRAGMENTS = {
            "(", ")", "[", "]", "{", "}", "|", ",", "=", ".", "..", "%", "\"", "#", "\n", " ", "-", "+", "*", ":",
            ";", "@", "\\", "1", "2015-01-01", "21d", "1e-3", "1.2.3", "x", "strategy ", "market ", "split ",
            "experiment ", "compare ", "agent ", "on ", "every ", "for ", "in ", "capital ", "\t", "\r\n", "é", "\u0000"};

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void randomMutationsNeverThrow() {
        Random random = new Random(Long.getLong("parse.fuzz.seed", 20240611L));
        List<String> programs = new ArrayList<>(SketchPrograms.all().values());
        int withErrors = 0;
        int cases = 3000;
        for (int n = 0; n < cases; n++) {
            String original = programs.get(n % programs.size());
            String mutated = original;
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) mutated = mutate(mutated, random);
            String text = mutated;
            ParseResult r = parseChecked(text, n);
            if (r.hasErrors()) withErrors++;
        }
        assertTrue(withErrors > cases / 4, "mutations should break many programs, broke " + withErrors);
        assertTrue(withErrors < cases, "some mutations are harmless (e.g. inside a comment)");
    }

    static ParseResult parseChecked(String text, int n) {
        Source source = new Source("fuzz" + n + ".strat", text);
        ParseResult r;
        try {
            r = Parser.parse(source);
        } catch (Throwable t) {
            throw new AssertionError("parser threw on case " + n + ":\n" + text, t);
        }
        assertNotNull(r.program());
        int lines = source.lines().size();
        for (Diagnostic d : r.diagnostics()) {
            assertTrue(d.span().line() >= 1 && d.span().line() <= lines, () -> "span outside the text: " + d + "\n" + text);
            assertTrue(d.span().column() >= 1, () -> "bad column: " + d);
            assertFalse(d.message().contains("expecting"), () -> "raw ANTLR message: " + d.message());
            assertFalse(d.message().isBlank());
        }
        assertNotNull(DiagnosticFormatter.formatAll(r.diagnostics()));
        return r;
    }

    static String mutate(String text, Random random) {
        if (text.isEmpty()) return FRAGMENTS[random.nextInt(FRAGMENTS.length)];
        int at = random.nextInt(text.length());
        return switch (random.nextInt(6)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + text.substring(at);
            case 2 -> {
                if (at + 1 >= text.length()) yield text;
                yield text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
            }
            case 3 -> {
                // delete a whole word or symbol run
                int end = at;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) end++;
                yield text.substring(0, at) + text.substring(end);
            }
            case 4 -> {
                // swap two words
                String[] words = text.split(" ", -1);
                int i = random.nextInt(words.length);
                int j = random.nextInt(words.length);
                String w = words[i];
                words[i] = words[j];
                words[j] = w;
                yield String.join(" ", words);
            }
            default -> {
                // duplicate a slice somewhere else
                int len = Math.min(text.length() - at, 1 + random.nextInt(30));
                String slice = text.substring(at, at + len);
                int to = random.nextInt(text.length());
                yield text.substring(0, to) + slice + text.substring(to);
            }
        };
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoThousandLineFileParsesCleanly() {
        StringBuilder b = new StringBuilder();
        int decls = 0;
        int k = 0;
        while (b.chars().filter(c -> c == '\n').count() < 2000) {
            b.append("market m").append(k).append(" = csv(\"f").append(k).append(".csv\")\n")
                    .append("    symbols AAPL, MSFT, AMZN\n")
                    .append("strategy s").append(k).append(" =\n")
                    .append("    agent td3(hidden=[400, 300], lr=1e-3)\n")
                    .append("  | risk barrier(window=21d, gamma=0.8)\n")
                    .append("models h").append(k).append(" = [hrp(window=w) for w in 30, 50] + [hold]\n")
                    .append("experiment e").append(k).append(" on m").append(k)
                    .append(" split train ..2021-06-30, test 2021-07-01.. {\n")
                    .append("    compare s").append(k).append(", a = select top(5) by x.y | ucrp\n")
                    .append("    seeds 3\n}\n\n");
            decls += 4;
            k++;
        }
        ParseResult r = Parser.parse(new Source("big.strat", b.toString()));
        assertTrue(r.diagnostics().isEmpty(), () -> DiagnosticFormatter.formatAll(r.diagnostics()));
        assertEquals(decls, r.program().decls().size());
        assertTrue(r.program().decls().getLast() instanceof Decl.Experiment);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoThousandBrokenLinesReportEveryDeclaration() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 1000; k++) {
            b.append("strategy s").append(k).append(" = olmar(window=5\n");
            b.append("capital ").append(k).append('\n');
        }
        ParseResult r = Parser.parse(new Source("broken.strat", b.toString()));
        assertEquals(1000, r.diagnostics().size());
        assertEquals(1000, r.program().decls().size(), "every capital declaration still parses");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pathologicalInputsDoNotThrow() {
        List<String> inputs = List.of(
                "capital " + "[".repeat(5000) + "]".repeat(5000),
                "capital " + "(".repeat(20000),
                "capital " + "-".repeat(20000) + "1",
                "capital 1" + " + 1".repeat(20000),
                "strategy s = a" + " | a".repeat(5000),
                "strategy s = " + "f(".repeat(3000) + ")".repeat(3000),
                "|".repeat(10000),
                "\"".repeat(10001),
                "#".repeat(100000),
                "strategy s = x every".repeat(2000),
                "experiment e on m {".repeat(3000),
                "",
                "\n\n\n",
                "\u0000\u0001\uFFFF");
        for (int n = 0; n < inputs.size(); n++) {
            parseChecked(inputs.get(n), n);
        }
    }

    @Test
    void aBrokenDeclarationNeverHidesTheNextOnes() {
        List<String> broken = List.of(
                "strategy s = olmar(window=5",
                "models hc = [hrp(window=w) for w in 30, 50",
                "experiment e on m {\n    compare s, ucrp\n    seeds 3",
                "market m = csv(\"prices.csv.gz)",
                "strategy s olmar(window=5)",
                "strategy s =\n  | olmar(window=5)",
                "split s = train 2015..2017, valid",
                "strategy s = f(a=1 b=2)",
                "goal wealth >= 1.25 * capital",
                "backtest s on",
                "costs fee, slippage 1%",
                "experiment e on m split {",
                "strategy s = x every",
                "olmar(window=5) | crp");
        for (String program : SketchPrograms.all().values()) {
            int expected = Parser.parse(new Source("ok.strat", program)).program().decls().size();
            for (String b : broken) {
                String text = b + "\n" + program + b + "\n";
                ParseResult r = parseChecked(text, 0);
                assertEquals(expected, r.program().decls().size(), () -> "declarations lost after a broken one:\n" + text
                        + "\n" + DiagnosticFormatter.formatAll(r.diagnostics()));
                assertEquals(2, r.diagnostics().stream().filter(Diagnostic::isError).count(),
                        () -> "one error per broken declaration:\n" + DiagnosticFormatter.formatAll(r.diagnostics()));
            }
        }
    }
}
