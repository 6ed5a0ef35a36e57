package dev.strat.cli.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving tokenizer of REPL input for line editing and completion (not the language's
 * parser): words, double-quoted strings, punctuation, {@code #} comments. It never fails; it
 * reports whether the text ends inside a string or a comment, where nothing should be completed.
 */
final class InputScanner {

    /** Characters that separate words and stand for themselves. */
    static final String PUNCTUATION = "()[]{},=|+*<>;:!";

    enum Kind { WORD, STRING, PUNCT }

    /**
     * @param kind  what it is
     * @param text  its characters (a string includes its quotes)
     * @param start offset of its first character
     */
    record Token(Kind kind, String text, int start) {
        int end() { return start + text.length(); }
        boolean is(char c) { return kind == Kind.PUNCT && text.charAt(0) == c; }
    }

    /**
     * @param tokens      the tokens in order
     * @param inString    the text ends inside an unterminated string
     * @param inComment   the text ends inside a comment
     */
    record Scan(List<Token> tokens, boolean inString, boolean inComment) {
    }

    private InputScanner() {
    }

    /** Scans .strat text. */
    static Scan scan(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int k = 0;
        boolean inString = false, inComment = false;
        while (k < n) {
            char c = text.charAt(k);
            if (c == '\n') { inComment = false; k++; continue; }
            if (Character.isWhitespace(c)) { k++; continue; }
            if (c == '#') {
                int end = text.indexOf('\n', k);
                if (end < 0) { inComment = true; break; }
                k = end;
                continue;
            }
            if (c == '"') {
                int j = k + 1;
                boolean closed = false;
                while (j < n) {
                    char d = text.charAt(j);
                    if (d == '\\' && j + 1 < n) { j += 2; continue; }
                    j++;
                    if (d == '"') { closed = true; break; }
                    if (d == '\n') break;
                }
                tokens.add(new Token(Kind.STRING, text.substring(k, j), k));
                if (!closed && j >= n) inString = true;
                k = j;
                continue;
            }
            if (PUNCTUATION.indexOf(c) >= 0) {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), k));
                k++;
                continue;
            }
            int j = k;
            while (j < n) {
                char d = text.charAt(j);
                if (Character.isWhitespace(d) || d == '"' || d == '#' || PUNCTUATION.indexOf(d) >= 0) break;
                j++;
            }
            tokens.add(new Token(Kind.WORD, text.substring(k, j), k));
            k = j;
        }
        return new Scan(List.copyOf(tokens), inString, inComment);
    }

    /** Splits a REPL command line ({@code :load some file.strat}) on whitespace only. */
    static List<Token> scanCommand(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length(), k = 0;
        while (k < n) {
            if (Character.isWhitespace(text.charAt(k))) { k++; continue; }
            int j = k;
            while (j < n && !Character.isWhitespace(text.charAt(j))) j++;
            tokens.add(new Token(Kind.WORD, text.substring(k, j), k));
            k = j;
        }
        return tokens;
    }

    /** True when the entry is a REPL command (its first non-blank character is a colon). */
    static boolean isCommand(String text) {
        return text.stripLeading().startsWith(":");
    }
}
