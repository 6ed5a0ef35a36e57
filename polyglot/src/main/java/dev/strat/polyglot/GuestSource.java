package dev.strat.polyglot;

import java.util.Objects;

/**
 * Guest code as the program gives it: an inline triple-quoted block or an imported file.
 *
 * @param language  what it is written in
 * @param name      the file guest stack frames name: the .strat file for a block, the imported file otherwise
 * @param code      the code
 * @param firstLine the line of {@code name} the code's first line stands on (1 for a file), so that
 *                  guest line numbers are the file's line numbers
 */
public record GuestSource(GuestLanguage language, String name, String code, int firstLine) {

    public GuestSource {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        if (firstLine < 1) throw new IllegalArgumentException("lines count from 1");
    }

    /** The code padded with blank lines so that the guest's line numbers match {@link #name()}'s. */
    String padded() {
        return "\n".repeat(firstLine - 1) + code;
    }

    /** Line {@code line} of {@link #name()} when the code covers it, else empty. */
    String line(int line) {
        int k = line - firstLine;
        String[] lines = code.split("\n", -1);
        return k >= 0 && k < lines.length ? lines[k].strip() : "";
    }
}
