package dev.strat.lang.diag;

/**
 * Where a piece of source stands: 1-based line and column of its first character and its
 * length in characters on that line (at least 1, clipped to the line when printing).
 */
public record Span(Source source, int line, int column, int length) {

    public Span {
        length = Math.max(1, length);
    }

    /** A span covering this one and {@code other} when both start on the same line, else this one. */
    public Span to(Span other) {
        if (other == null || other.line != line) return this;
        int end = Math.max(column + length, other.column + other.length);
        return new Span(source, line, column, end - column);
    }

    /** {@code file:line:col}, as diagnostics print it. */
    public String location() {
        return source.name() + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return location();
    }
}
