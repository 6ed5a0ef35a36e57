package dev.strat.polyglot;

import java.util.Optional;

/**
 * A language user functions may be written in. JavaScript (GraalJS) ships with strat; Python
 * (GraalPy) adds over 110 MB, so only a build with the {@code python} Maven profile
 * ({@code ./dev build -Ppython}) carries it. Whether it is there is asked of the polyglot engine
 * at run time ({@code Engine.getLanguages()}); without it a Python function is a check error that
 * says how to get it.
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

    /** What to do when this build lacks the language, for messages. */
    String missing() {
        return this == PYTHON
                ? "GraalPy, which this build of strat leaves out (it adds over 110 MB): build strat with ./dev build -Ppython"
                : "GraalJS, which this build of strat lacks";
    }

    /** True when this build carries the language's implementation. */
    public boolean installed() {
        return Engines.installed().contains(id);
    }
}
