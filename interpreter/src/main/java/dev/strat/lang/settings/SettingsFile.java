package dev.strat.lang.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import dev.strat.stdlib.NameSuggester;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and reads a project's {@value #NAME}. The file is a flat YAML mapping; each key is one
 * of {@link Key}. It is read with Jackson's streaming parser rather than bound to a class, so
 * that every key and value keeps its line and column: an unknown key, a duplicate or a value of
 * the wrong type is an error at that place, with a "did you mean" for a misspelt key.
 */
public final class SettingsFile {

    /** The settings file's name. */
    public static final String NAME = "strat.yaml";

    /** The settings a project may set, with the YAML type each takes. */
    public enum Key {
        DATA("data", Type.PATH, "folder where data files resolve"),
        OUT("out", Type.PATH, "folder for results and reports"),
        SEED("seed", Type.WHOLE, "first seed of every experiment (the program's seeds count up from it)"),
        PROGRESS("progress", Type.BOOL, "show a progress bar on a terminal"),
        QUIET("quiet", Type.BOOL, "print only result tables and errors");

        private final String key;
        private final Type type;
        private final String description;

        Key(String key, Type type, String description) {
            this.key = key;
            this.type = type;
            this.description = description;
        }

        public String key() {
            return key;
        }

        public String description() {
            return description;
        }

        static Optional<Key> of(String name) {
            return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
        }
    }

    private enum Type { PATH, WHOLE, BOOL }

    /**
     * Names people will reach for that are not settings (yet), with what to do instead: a plain
     * "unknown setting" would send them looking for a spelling that does not exist.
     */
    private static final Map<String, String> NOT_SETTINGS = Map.of(
            "threads", "a run uses every core and gives the same numbers at any count; there is no thread setting",
            "device", "the device is an argument of each learning agent, e.g. ppo(device=\"gpu\"), not a project setting",
            "seeds", "seeds are counted in the program (seeds 5); 'seed' sets the first of them");

    /** What reading a settings file gave: the settings, or the errors that stopped it. */
    public record Loaded(ProjectSettings settings, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return diagnostics.stream().noneMatch(Diagnostic::isError);
        }
    }

    private SettingsFile() {
    }

    /** The nearest {@value #NAME} in {@code start} or a folder above it. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(NAME);
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /**
     * Reads {@code file}; diagnostics name it {@code displayName}.
     *
     * @throws UncheckedIOException when the file cannot be read at all
     */
    public static Loaded load(Path file, String displayName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + displayName + ": " + e.getMessage(), e);
        }
        return parse(new Source(displayName, text), file.toAbsolutePath().normalize());
    }

    /** Parses settings text; relative paths resolve against the folder of {@code file}. */
    public static Loaded parse(Source source, Path file) {
        Path folder = file.getParent();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<Key, ProjectSettings.Value<?>> values = new HashMap<>();
        Map<Key, Span> seen = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(source.text())) {
            JsonToken t = p.nextToken();
            if (t == null) return new Loaded(settings(file, values), diagnostics); // an empty file sets nothing
            if (t != JsonToken.START_OBJECT) {
                diagnostics.add(Diagnostic.error(YamlLocations.span(source, p.currentTokenLocation(), 1),
                        NAME + " must be a mapping of settings", "write one setting a line, e.g. data: ../data"));
                return new Loaded(ProjectSettings.NONE, diagnostics);
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                Span keySpan = YamlLocations.span(source, p.currentTokenLocation(), name.length());
                JsonToken v = p.nextToken();
                JsonLocation valueAt = p.currentTokenLocation();
                Optional<Key> key = Key.of(name);
                if (key.isEmpty()) {
                    diagnostics.add(unknown(name, keySpan));
                    p.skipChildren();
                    continue;
                }
                if (seen.containsKey(key.get())) {
                    diagnostics.add(Diagnostic.error(keySpan, "'" + name + "' is set twice",
                            "the first is at " + seen.get(key.get()).location() + "; keep one"));
                    p.skipChildren();
                    continue;
                }
                seen.put(key.get(), keySpan);
                String shown = v.isScalarValue() ? p.getText() : v == JsonToken.START_ARRAY ? "[" : "{";
                Span valueSpan = YamlLocations.span(source, valueAt, shown == null ? 1 : Math.max(1, shown.length()));
                Optional<Object> value = convert(key.get(), v, p, folder);
                if (value.isEmpty()) {
                    diagnostics.add(Diagnostic.error(valueSpan, "'" + name + "' must be " + expected(key.get().type)
                            + ", not " + describe(v, p), "for example: " + example(key.get())));
                    p.skipChildren();
                    continue;
                }
                values.put(key.get(), new ProjectSettings.Value<>(value.get(), valueSpan));
            }
        } catch (JsonProcessingException e) {
            diagnostics.add(YamlLocations.syntaxError(source, e, source.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a string cannot fail
        }
        if (!diagnostics.isEmpty()) return new Loaded(ProjectSettings.NONE, diagnostics);
        return new Loaded(settings(file, values), diagnostics);
    }

    private static Diagnostic unknown(String name, Span at) {
        String why = NOT_SETTINGS.get(name);
        if (why != null) return Diagnostic.error(at, "'" + name + "' is not a setting of " + NAME, why);
        List<String> keys = Arrays.stream(Key.values()).map(Key::key).toList();
        String hint = NameSuggester.closest(name, keys).map(c -> "did you mean '" + c + "'?")
                .orElse("settings: " + String.join(", ", keys));
        return Diagnostic.error(at, "unknown setting '" + name + "' in " + NAME, hint);
    }

    private static Optional<Object> convert(Key key, JsonToken v, JsonParser p, Path folder) throws IOException {
        return switch (key.type) {
            case PATH -> v == JsonToken.VALUE_STRING && !p.getText().isBlank()
                    ? Optional.of(folder.resolve(p.getText().strip()).normalize()) : Optional.empty();
            case WHOLE -> v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                    ? Optional.of(p.getLongValue()) : Optional.empty();
            case BOOL -> v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE
                    ? Optional.of(v == JsonToken.VALUE_TRUE) : Optional.empty();
        };
    }

    private static String expected(Type type) {
        return switch (type) {
            case PATH -> "a folder name";
            case WHOLE -> "a whole number";
            case BOOL -> "true or false";
        };
    }

    private static String example(Key key) {
        return switch (key) {
            case DATA -> "data: ../shared/data";
            case OUT -> "out: results";
            case SEED -> "seed: 42";
            case PROGRESS -> "progress: false";
            case QUIET -> "quiet: true";
        };
    }

    private static String describe(JsonToken v, JsonParser p) throws IOException {
        return switch (v) {
            case VALUE_STRING -> p.getText().isBlank() ? "an empty text" : "the text \"" + p.getText() + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> "nothing";
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            default -> v.asString() == null ? v.name() : v.asString();
        };
    }

    @SuppressWarnings("unchecked")
    private static ProjectSettings settings(Path file, Map<Key, ProjectSettings.Value<?>> values) {
        return new ProjectSettings(Optional.of(file),
                Optional.ofNullable((ProjectSettings.Value<Path>) values.get(Key.DATA)),
                Optional.ofNullable((ProjectSettings.Value<Path>) values.get(Key.OUT)),
                Optional.ofNullable((ProjectSettings.Value<Long>) values.get(Key.SEED)),
                Optional.ofNullable((ProjectSettings.Value<Boolean>) values.get(Key.PROGRESS)),
                Optional.ofNullable((ProjectSettings.Value<Boolean>) values.get(Key.QUIET)));
    }
}
