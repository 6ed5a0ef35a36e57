package dev.strat.polyglot;

import java.util.Optional;

/**
 * A language user functions may be written in. JavaScript (GraalJS) ships with strat; Python
 * (GraalPy) resolves from Maven Central but adds over 110 MB, so this build leaves it out and a
 * Python function is a check error that says so.
 *
 * @param id   the Truffle language id
 */
public enum GuestLanguage {
    JS("js", "JavaScript", ".js"),
    PYTHON("python", "Python", ".py");

    private final String id;
    private final String display;
    private final String extension;

    GuestLanguage(String id, String display, String extension) {
        this.id = id;
        this.display = display;
        this.extension = extension;
    }

    /** The word a program writes ({@code js}, {@code python}), also the Truffle language id. */
    public String id() { return id; }

    public String display() { return display; }

    /** The file extension of imported sources, e.g. {@code .js}. */
    public String extension() { return extension; }

    public static Optional<GuestLanguage> of(String word) {
        for (GuestLanguage l : values()) if (l.id.equals(word)) return Optional.of(l);
        return Optional.empty();
    }

    /** True when this build carries the language's implementation. */
    public boolean installed() {
        return Engines.installed().contains(id);
    }
}
