package dev.strat.lang.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;

/** Turns Jackson's locations (1-based line and column) into spans of the YAML source. */
final class YamlLocations {

    private YamlLocations() {
    }

    /** The span at {@code location} in {@code source}, {@code length} characters long. */
    static Span span(Source source, JsonLocation location, int length) {
        if (location == null || location.getLineNr() < 1) return new Span(source, 1, 1, length);
        return new Span(source, location.getLineNr(), Math.max(1, location.getColumnNr()), length);
    }

    /**
     * Where the key at {@code path} (field names from the root; list positions skipped) is
     * written, or null when it cannot be found. Jackson reports a record's unknown key at the
     * place it stopped reading (the end of the document, as records are bound after reading
     * every key), so the key is found again by walking the tokens.
     */
    static JsonLocation keyLocation(Source source, java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        java.util.List<String> target = path.stream().map(com.fasterxml.jackson.databind.JsonMappingException.Reference::getFieldName)
                .filter(java.util.Objects::nonNull).toList();
        // a key that is not there (misspelt or missing) is shown at the nearest key above it that is
        for (int n = target.size(); n > 0; n--) {
            JsonLocation found = find(source, target.subList(0, n));
            if (found != null) return found;
        }
        return null;
    }

    private static JsonLocation find(Source source, java.util.List<String> target) {
        java.util.ArrayDeque<String> at = new java.util.ArrayDeque<>();
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory().createParser(source.text())) {
            for (com.fasterxml.jackson.core.JsonToken t; (t = p.nextToken()) != null; ) {
                switch (t) {
                    case START_OBJECT -> at.addLast("");
                    case END_OBJECT -> at.pollLast();
                    case FIELD_NAME -> {
                        at.pollLast();
                        at.addLast(p.currentName());
                        if (new java.util.ArrayList<>(at).equals(target)) return p.currentTokenLocation();
                    }
                    default -> { }
                }
            }
        } catch (java.io.IOException e) {
            return null; // a document Jackson could bind reads again; if not, the caller's place stands
        }
        return null;
    }

    /**
     * A YAML syntax or mapping error at the place Jackson names, with Jackson's own wording
     * minus its location suffix (the span already says where).
     */
    static Diagnostic syntaxError(Source source, JsonProcessingException e, String what) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // SnakeYAML's messages run over several lines with their own places and caret drawings (indented);
        // the unindented lines say what went wrong
        String said = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip).collect(java.util.stream.Collectors.joining(": "));
        if (!said.isEmpty()) message = said;
        return Diagnostic.error(span(source, e.getLocation(), 1), what + " is not valid YAML: " + message);
    }
}
