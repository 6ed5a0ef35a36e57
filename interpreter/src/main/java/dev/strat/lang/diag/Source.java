package dev.strat.lang.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one .strat file (or one REPL entry) and its name as shown in diagnostics.
 *
 * @param name the path as the user gave it, or {@code <repl>}
 * @param text the whole text
 */
public record Source(String name, String text) {

    /** The 1-based line {@code line} without its line break, or "" when out of range. */
    public String line(int line) {
        List<String> lines = lines();
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                out.add(stripCr(text.substring(start, k)));
                start = k + 1;
            }
        }
        out.add(stripCr(text.substring(start)));
        return out;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return name;
    }
}
