package dev.strat.cli.repl;

import dev.strat.cli.FakeEngine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StratLineParserTest {

    private final StratLineParser parser = new StratLineParser(new FakeEngine.FakeSession()::isIncomplete);

    @Test
    void trailingPipeContinuesTheEntry() {
        String line = "strategy s = olmar |";
        assertThrows(EOFError.class, () -> parser.parse(line, line.length(), ParseContext.ACCEPT_LINE));
    }

    @Test
    void openBracketContinuesTheEntry() {
        String line = "experiment e on m split s {\n  compare a, b";
        assertThrows(EOFError.class, () -> parser.parse(line, line.length(), ParseContext.ACCEPT_LINE));
    }

    @Test
    void completeEntriesAndCommandsAreAccepted() {
        assertDoesNotThrow(() -> parser.parse("strategy s = olmar | ucrp", 0, ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> parser.parse("strategy s = olmar |\n  constrain()", 0, ParseContext.ACCEPT_LINE));
        // REPL commands never continue, whatever they end with
        assertDoesNotThrow(() -> parser.parse(":load (weird", 0, ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> parser.parse("   ", 0, ParseContext.ACCEPT_LINE));
    }

    @Test
    void twoEmptyLinesEndAnUnfinishedEntry() {
        assertThrows(EOFError.class, () -> parser.parse("olmar(window=5\n", 0, ParseContext.ACCEPT_LINE));
        assertDoesNotThrow(() -> parser.parse("olmar(window=5\n\n", 0, ParseContext.ACCEPT_LINE));
    }

    @Test
    void aFailingSessionTestAcceptsTheEntry() {
        StratLineParser broken = new StratLineParser(s -> { throw new IllegalStateException("bug"); });
        assertDoesNotThrow(() -> broken.parse("strategy s = olmar |", 0, ParseContext.ACCEPT_LINE));
    }

    @Test
    void incompleteInputIsOnlyAnErrorWhenAccepting() {
        String line = "strategy s = olmar |";
        assertDoesNotThrow(() -> parser.parse(line, line.length(), ParseContext.COMPLETE));
    }

    @Test
    void wordsSplitAtPunctuation() {
        String line = "strategy s = olmar(win";
        ParsedLine p = parser.parse(line, line.length(), ParseContext.COMPLETE);
        assertEquals(List.of("strategy", "s", "olmar", "win"), p.words());
        assertEquals("win", p.word());
        assertEquals(3, p.wordCursor());
    }

    @Test
    void cursorAfterPunctuationCompletesAnEmptyWord() {
        String line = "olmar(window=5, ";
        ParsedLine p = parser.parse(line, line.length(), ParseContext.COMPLETE);
        assertEquals("", p.word());
        assertEquals(List.of("olmar", "window", "5", ""), p.words());
        assertEquals(3, p.wordIndex());
    }

    @Test
    void cursorInTheMiddleOfALine() {
        String line = "strategy s = olm | ucrp";
        ParsedLine p = parser.parse(line, 16, ParseContext.COMPLETE);
        assertEquals("olm", p.word());
        assertEquals(3, p.wordCursor());
        ParsedLine between = parser.parse("a  b", 2, ParseContext.COMPLETE);
        assertEquals(List.of("a", "", "b"), between.words());
        assertEquals(1, between.wordIndex());
    }

    @Test
    void commandLinesSplitOnWhitespaceOnly() {
        String line = ":load examples/a-b.strat";
        ParsedLine p = parser.parse(line, line.length(), ParseContext.COMPLETE);
        assertEquals(List.of(":load", "examples/a-b.strat"), p.words());
    }
}
