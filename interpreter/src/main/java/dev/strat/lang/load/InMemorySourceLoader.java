package dev.strat.lang.load;

import dev.strat.lang.diag.Source;

import java.util.LinkedHashMap;
import java.util.Map;

/** Files held in memory by name; for tests and for REPL sessions that have no files. */
public final class InMemorySourceLoader implements SourceLoader {

    private final Map<String, String> files;

    public InMemorySourceLoader(Map<String, String> files) {
        this.files = new LinkedHashMap<>(files);
    }

    /** A loader with no files: every import is missing. */
    public static InMemorySourceLoader empty() {
        return new InMemorySourceLoader(Map.of());
    }

    @Override
    public Loaded read(String name) {
        String text = files.get(name);
        if (text == null) return new Loaded.Missing("no such file: " + name);
        return new Loaded.Found(new Source(name, text));
    }
}
