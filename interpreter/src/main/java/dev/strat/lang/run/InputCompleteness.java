package dev.strat.lang.run;

/**
 * Decides whether a REPL entry is unfinished, so the REPL reads another line instead of
 * reporting a syntax error: an open bracket or brace, a string left open, or a last token that
 * cannot end a declaration ({@code |}, {@code ,}, {@code =}, {@code +}, {@code ..}, a trailing
 * backslash).
 */
public final class InputCompleteness {

    private InputCompleteness() {
    }

    public static boolean isIncomplete(String input) {
        int depth = 0;
        boolean inString = false;
        StringBuilder code = new StringBuilder();
        for (int k = 0; k < input.length(); k++) {
            char c = input.charAt(k);
            if (inString) {
                if (c == '\\') k++;
                else if (c == '"') inString = false;
                else if (c == '\n') return false; // strings do not span lines: let the parser say so
                continue;
            }
            if (c == '#') {
                while (k < input.length() && input.charAt(k) != '\n') k++;
                code.append('\n');
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            code.append(c);
        }
        if (inString) return true;
        if (depth > 0) return true;
        String tail = code.toString().stripTrailing();
        if (tail.isEmpty()) return false;
        return tail.endsWith("|") || tail.endsWith(",") || tail.endsWith("=") && !tail.endsWith(">=") && !tail.endsWith("<=")
                && !tail.endsWith("==") || tail.endsWith("+") || tail.endsWith("..") || tail.endsWith("\\");
    }
}
