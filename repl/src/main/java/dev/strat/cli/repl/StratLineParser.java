package dev.strat.cli.repl;

import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The REPL's JLine parser. On Enter it asks the session whether the entry is finished (a trailing
 * {@code |}, an open bracket...) and, if not, throws {@link EOFError} so that JLine keeps
 * editing the same entry on a continuation line. For completion it splits the line into words
 * at whitespace and punctuation, so that in {@code olmar(win} the word being completed is
 * {@code win}.
 */
public final class StratLineParser implements Parser {

    private final Predicate<String> incomplete;

    /** @param incomplete the session's {@code isIncomplete} test */
    public StratLineParser(Predicate<String> incomplete) {
        this.incomplete = incomplete;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) throws SyntaxError {
        if (context == ParseContext.ACCEPT_LINE && continues(line)) {
            throw new EOFError(-1, -1, "entry continues on the next line", "...");
        }
        int at = Math.max(0, Math.min(cursor, line.length()));
        List<InputScanner.Token> tokens = InputScanner.isCommand(line)
                ? InputScanner.scanCommand(line)
                : InputScanner.scan(line).tokens();
        List<String> words = new ArrayList<>();
        int wordIndex = -1, wordCursor = 0;
        for (InputScanner.Token t : tokens) {
            if (t.kind() == InputScanner.Kind.PUNCT) continue;
            if (wordIndex < 0 && at >= t.start() && at <= t.end()) {
                wordIndex = words.size();
                wordCursor = at - t.start();
            } else if (wordIndex < 0 && at < t.start()) {
                // the cursor stands between words: complete an empty word there
                wordIndex = words.size();
                words.add("");
                wordCursor = 0;
            }
            words.add(t.text());
        }
        if (wordIndex < 0) {
            wordIndex = words.size();
            words.add("");
            wordCursor = 0;
        }
        return new Line(line, at, List.copyOf(words), wordIndex, wordCursor);
    }

    /**
     * True when Enter should open a continuation line. Two empty lines in a row end an entry
     * anyway, so that an unbalanced bracket cannot trap the user: the session then reports it.
     */
    private boolean continues(String line) {
        if (line.isBlank() || InputScanner.isCommand(line) || endsWithTwoBlankLines(line)) return false;
        try {
            return incomplete.test(line);
        } catch (RuntimeException e) {
            return false; // let evaluation report whatever is wrong with the entry
        }
    }

    private static boolean endsWithTwoBlankLines(String line) {
        String[] lines = line.split("\n", -1);
        int n = lines.length;
        return n >= 3 && lines[n - 1].isBlank() && lines[n - 2].isBlank();
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }

    /** A parsed line; candidates are inserted as typed, since the REPL needs no escaping. */
    record Line(String line, int cursor, List<String> words, int wordIndex, int wordCursor) implements CompletingParsedLine {
        @Override public String word() { return words.get(wordIndex); }
        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }
        @Override public int rawWordCursor() { return wordCursor; }
        @Override public int rawWordLength() { return word().length(); }
    }
}
