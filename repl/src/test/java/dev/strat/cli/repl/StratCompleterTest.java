package dev.strat.cli.repl;

import dev.strat.cli.TestRegistry;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StratCompleterTest {

    private final StratLineParser parser = new StratLineParser(s -> false);
    @TempDir
    Path data;

    private StratCompleter completer;

    @BeforeEach
    void setUp() {
        completer = new StratCompleter(TestRegistry.registry(), () -> Set.of("fast", "us"), data, data);
    }

    private List<Candidate> complete(String line) {
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, parser.parse(line, line.length(), ParseContext.COMPLETE), out);
        return out;
    }

    private List<String> values(String line) {
        return complete(line).stream().map(Candidate::value).toList();
    }

    @Test
    void startOfEntryOffersKeywordsBuiltinsAndDefinitions() {
        List<String> v = values("");
        assertTrue(v.containsAll(List.of("market", "costs", "capital", "split", "strategy", "experiment", "backtest",
                "import", "compare", "seeds", "metrics", "report", "agent", "risk", "adapt")), v.toString());
        assertTrue(v.containsAll(List.of("olmar", "ucrp", "constrain", "barrier")), v.toString());
        assertTrue(v.containsAll(List.of("fast", "us")), v.toString());
        assertEquals(v.size(), Set.copyOf(v).size(), "no duplicates");
    }

    @Test
    void afterAPipeBuiltinNamesAreOffered() {
        List<Candidate> c = complete("strategy s = olmar | con");
        Candidate constrain = c.stream().filter(x -> x.value().equals("constrain")).findFirst().orElseThrow();
        assertEquals("built-ins", constrain.group());
        assertEquals("Clips weights to limits", constrain.descr());
        assertFalse(constrain.complete(), "a built-in is followed by ( or , rather than a space");
        Candidate keyword = c.stream().filter(x -> x.value().equals("costs")).findFirst().orElseThrow();
        assertTrue(keyword.complete());
    }

    @Test
    void insideAParameterisedStrategyItsParametersAreOffered() {
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("m", "0.8");
        params.put("v", "0.005");
        StratCompleter withStrategies = new StratCompleter(TestRegistry::registry, () -> Set.of("ripo"),
                () -> java.util.Map.of("ripo", params), data, data);
        List<Candidate> out = new ArrayList<>();
        String line = "experiment e on us { compare [ripo(m=x, ";
        withStrategies.complete(null, parser.parse(line, line.length(), ParseContext.COMPLETE), out);
        assertEquals(List.of("v="), out.stream().map(Candidate::value).toList());
        assertEquals("default 0.005", out.get(0).descr());
    }

    @Test
    void insideACallParameterNamesAreOffered() {
        List<Candidate> c = complete("strategy s = olmar(");
        assertEquals(List.of("window=", "eps="), c.stream().map(Candidate::value).toList());
        assertFalse(c.get(0).complete(), "no space after '='");
        assertEquals("bars or length (e.g. 21 or 21d), default 5", c.get(0).descr());
        assertEquals(List.of("window=", "eps="), values("strategy s = olmar(win"));
    }

    @Test
    void givenParametersAreNotOfferedAgain() {
        assertEquals(List.of("eps="), values("strategy s = olmar(window=5, "));
        assertEquals(List.of("max_weight=", "long_only="), values("strategy s = olmar(window=5) | constrain("));
    }

    @Test
    void nestedBracketsDoNotConfuseTheCall() {
        assertEquals(List.of("window="), values("strategy s = ucrp | risk barrier(risk=cdar, "));
        assertEquals(List.of("eps="), values("olmar(window=[1, 2], "));
    }

    @Test
    void choiceAndBooleanValuesAreOffered() {
        assertEquals(List.of("cvar", "cdar", "variance"), values("strategy r = ucrp | barrier(risk="));
        assertEquals(List.of("true", "false"), values("strategy r = ucrp | constrain(long_only=f"));
        assertEquals(List.of(), values("strategy s = olmar(window="));
    }

    @Test
    void afterACallClosesGeneralCompletionResumes() {
        List<String> v = values("strategy s = olmar(window=5) ");
        assertTrue(v.contains("constrain"));
        assertFalse(v.contains("window="));
    }

    @Test
    void nothingInsideStringsOrComments() {
        assertEquals(List.of(), values("experiment e on m { report \"out/ol"));
        assertEquals(List.of(), values("strategy s = ucrp # comment ol"));
    }

    @Test
    void dataFilesInsideCsvStrings() throws Exception {
        Files.writeString(data.resolve("us_large_caps_daily.csv.gz"), "");
        Files.writeString(data.resolve("crypto_hourly.csv"), "");
        Files.writeString(data.resolve("README.md"), "");
        assertEquals(List.of("\"crypto_hourly.csv\"", "\"us_large_caps_daily.csv.gz\""), values("market m = csv(\"us"));
        assertEquals(List.of(), values("report \"out/"));
    }

    @Test
    void loadCompletesFileNames() throws Exception {
        Files.writeString(data.resolve("defs.strat"), "");
        Files.createDirectory(data.resolve("examples"));
        Terminal terminal = new DumbTerminal("t", Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        String line = ":load de";
        List<Candidate> out = new ArrayList<>();
        completer.complete(reader, parser.parse(line, line.length(), ParseContext.COMPLETE), out);
        assertTrue(out.stream().anyMatch(c -> c.value().equals("defs.strat")), out.toString());
        assertTrue(out.stream().anyMatch(c -> c.value().startsWith("examples")), out.toString());
        terminal.close();
    }

    @Test
    void replCommandsAndHelpTopics() {
        assertEquals(List.of(":help", ":load", ":reset", ":quit", ":q"), values(":"));
        assertEquals(List.of("olmar", "ucrp", "constrain", "barrier"), values(":help o"));
        assertEquals(List.of(), values(":reset x"));
    }
}
