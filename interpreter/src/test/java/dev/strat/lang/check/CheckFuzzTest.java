package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random mutations of valid and sketch programs (character and token deletions,
 * insertions and swaps, number changes, name typos) through parse and check: never an exception,
 * never a hang, and every diagnostic points into its source.
 */
class CheckFuzzTest {

    private static final Path DIR = Path.of(System.getProperty("strat.repo.root", ".."))
            .resolve("interpreter/src/test/resources/golden/check");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*|\\d[\\d_.]*%?|\"[^\"\\n]*\"|\\.\\.|\\S");
    private static final String[] SNIPPETS = {"|", ",", "(", ")", "[", "]", "{", "}", "=", "..", "%", "-", "\"", "#",
            "\n", " ", "0", "1e9", "2015", "21d", "2021-13-45", "olmar", "ucrp", "every", "risk", "adapt", "agent", "split",
            "strategy", "market", "experiment", "compare", "test", "train", "cash", "symbols", "import", "1e999", "-0", "999999999999999999999"};
    private static final int MUTATIONS = 3000;

    @Test
    void mutatedProgramsNeverCrashAndDiagnosticsPointIntoTheSource() throws IOException {
        Map<String, String> files = new HashMap<>();
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> all = Files.list(DIR)) {
            for (Path p : all.filter(p -> p.toString().endsWith(".strat")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                files.put(p.getFileName().toString(), text);
                String name = p.getFileName().toString();
                if (name.startsWith("ok_") || name.startsWith("sketch_") || name.startsWith("lib_strategies")) seeds.add(text);
            }
        }
        assertFalse(seeds.isEmpty());
        CheckContext context = CheckFixtures.context(files, true);
        // -Dfuzz.seed=N explores other mutations; the default keeps the suite deterministic
        Random random = new Random(Long.getLong("fuzz.seed", 20261122L));
        assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
            for (int k = 0; k < MUTATIONS; k++) {
                String text = seeds.get(random.nextInt(seeds.size()));
                int edits = 1 + random.nextInt(4);
                for (int e = 0; e < edits; e++) text = mutate(text, random);
                Source source = new Source("fuzz.strat", text);
                CheckResult result;
                try {
                    result = Checker.check(source, context);
                } catch (Throwable t) {
                    throw new AssertionError("mutation " + k + " crashed on:\n" + text, t);
                }
                for (Diagnostic d : result.diagnostics()) checkSpan(d, text);
                if (result.plan().isPresent()) assertTrue(result.ok(), "a plan despite errors for:\n" + text);
            }
        });
    }

    private static void checkSpan(Diagnostic d, String text) {
        Span s = d.span();
        if (s == null || s.source() == null) fail("diagnostic without span: " + d.message() + "\n" + text);
        int lines = s.source().lines().size();
        if (s.line() < 1 || s.line() > lines || s.column() < 1 || s.column() > s.source().line(s.line()).length() + 1) {
            fail("span " + s + " outside " + s.source().name() + " (" + lines + " lines) for '" + d.message() + "' in:\n" + text);
        }
        if (d.message() == null || d.message().isBlank()) fail("empty message at " + s);
    }

    static String mutate(String text, Random random) {
        if (text.isEmpty()) return SNIPPETS[random.nextInt(SNIPPETS.length)];
        List<int[]> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) tokens.add(new int[]{m.start(), m.end()});
        int at = random.nextInt(text.length());
        switch (random.nextInt(9)) {
            case 0: // delete a character
                return text.substring(0, at) + text.substring(at + 1);
            case 1: // insert a character or snippet
                return text.substring(0, at) + SNIPPETS[random.nextInt(SNIPPETS.length)] + text.substring(at);
            case 2: { // swap two neighbouring characters
                if (at + 1 >= text.length()) return text;
                return text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2);
            }
            default:
                break;
        }
        if (tokens.isEmpty()) return text;
        int[] t = tokens.get(random.nextInt(tokens.size()));
        String token = text.substring(t[0], t[1]);
        switch (random.nextInt(6)) {
            case 0: // delete a token
                return text.substring(0, t[0]) + text.substring(t[1]);
            case 1: { // duplicate a token elsewhere
                int[] u = tokens.get(random.nextInt(tokens.size()));
                return text.substring(0, u[0]) + token + " " + text.substring(u[0]);
            }
            case 2: { // swap two tokens
                int[] u = tokens.get(random.nextInt(tokens.size()));
                if (u[0] == t[0]) return text;
                int[] a = u[0] < t[0] ? u : t, b = u[0] < t[0] ? t : u;
                if (a[1] > b[0]) return text;
                return text.substring(0, a[0]) + text.substring(b[0], b[1]) + text.substring(a[1], b[0])
                        + text.substring(a[0], a[1]) + text.substring(b[1]);
            }
            case 3: { // change a number
                if (!Character.isDigit(token.charAt(0))) return text;
                String[] numbers = {"0", "-1", "1", "3", "1.5", "1000000", "150%", "2014", "2030", "0.0001", "7"};
                return text.substring(0, t[0]) + numbers[random.nextInt(numbers.length)] + text.substring(t[1]);
            }
            default: { // a typo in a name: drop, double or swap a letter
                if (!Character.isLetter(token.charAt(0)) || token.length() < 2) return text;
                int i = random.nextInt(token.length() - 1);
                String typo = switch (random.nextInt(3)) {
                    case 0 -> token.substring(0, i) + token.substring(i + 1);
                    case 1 -> token.substring(0, i) + token.charAt(i) + token.substring(i);
                    default -> token.substring(0, i) + token.charAt(i + 1) + token.charAt(i) + token.substring(i + 2);
                };
                return text.substring(0, t[0]) + typo + text.substring(t[1]);
            }
        }
    }
}
