package dev.strat.lang.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.runtime.data.DataException;
import dev.strat.runtime.data.DataRoot;
import dev.strat.runtime.io.AtomicFiles;
import dev.strat.stdlib.NameSuggester;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Writes and reads {@value #NAME}. Writing is atomic and deterministic (no clock, no host name),
 * so a rerun into the same folder writes the same file again. Reading checks every key: a
 * misspelt or unknown one is an error at its line and column with a "did you mean".
 */
public final class PlanFile {

    /** The file every result folder gets. */
    public static final String NAME = "plan.yaml";

    private static final String HEADER = "# The experiment as it ran, every default explicit. Rerun it with: strat run <this file>\n";

    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            // the program reads as itself under a '|' rather than as one long escaped line
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    /** What reading a plan gave: the plan, or the errors that stopped it. */
    public record Read(Optional<ResolvedPlan> plan, List<Diagnostic> diagnostics) { }

    /**
     * A data file whose bytes are not those the plan ran on.
     *
     * @param file     its name in the program
     * @param path     where it was looked for now
     * @param expected the SHA-256 the plan recorded
     * @param actual   the SHA-256 now, or null when the file is missing
     */
    public record Mismatch(String file, Path path, String expected, String actual) {
        /** One line for the user. */
        public String describe() {
            return actual == null
                    ? "data file " + file + " is missing (looked for " + path + ")"
                    : "data file " + file + " changed since the plan ran: sha-256 " + abbreviate(actual) + ", the plan has "
                    + abbreviate(expected) + " (" + path + ")";
        }

        private static String abbreviate(String hash) {
            return hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
        }
    }

    private PlanFile() {
    }

    /** The YAML text of {@code plan}. */
    public static String toYaml(ResolvedPlan plan) {
        try {
            return HEADER + MAPPER.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan always serialises: " + e.getMessage(), e);
        }
    }

    /** Writes {@code plan} to {@code folder}/{@value #NAME}, atomically; returns the file. */
    public static Path write(ResolvedPlan plan, Path folder) {
        return AtomicFiles.writeString(folder.resolve(NAME), toYaml(plan));
    }

    /** Reads a plan file; diagnostics name it {@code displayName}. */
    public static Read read(Path file, String displayName) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + displayName + ": " + e.getMessage(), e);
        }
        return parse(new Source(displayName, text));
    }

    /** Parses plan text. */
    public static Read parse(Source source) {
        ResolvedPlan plan;
        try {
            plan = MAPPER.readValue(source.text(), ResolvedPlan.class);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(String::valueOf).toList();
            String hint = NameSuggester.closest(e.getPropertyName(), known).map(c -> "did you mean '" + c + "'?")
                    .orElse("keys here: " + String.join(", ", known));
            JsonLocation at = YamlLocations.keyLocation(source, e.getPath());
            return failed(Diagnostic.error(YamlLocations.span(source, at != null ? at : e.getLocation(), e.getPropertyName().length()),
                    "unknown key '" + e.getPropertyName() + "' in " + NAME, hint));
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            // Jackson wraps a syntax error met while binding; it is the YAML that is wrong, not a value
            if (e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamReadException syntax) {
                return failed(YamlLocations.syntaxError(source, syntax, source.name()));
            }
            // a value of the wrong type: at its key, named by its path
            JsonLocation at = YamlLocations.keyLocation(source, e.getPath());
            String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            return failed(Diagnostic.error(YamlLocations.span(source, at != null ? at : e.getLocation(), Math.max(1, key.length())),
                    "bad value" + (key.isEmpty() ? "" : " for '" + key + "'") + " in " + NAME + ": " + message));
        } catch (JsonProcessingException e) {
            return failed(YamlLocations.syntaxError(source, e, source.name()));
        }
        if (plan == null) return failed(Diagnostic.error(YamlLocations.span(source, null, 1), source.name() + " is empty"));
        List<Diagnostic> problems = new ArrayList<>();
        if (plan.planVersion() != ResolvedPlan.VERSION) {
            problems.add(Diagnostic.error(YamlLocations.span(source, null, 1), "plan_version " + plan.planVersion()
                    + " is not one this strat reads (" + ResolvedPlan.VERSION + ")"));
        }
        if (plan.experiment() == null || plan.program() == null || plan.program().text() == null || plan.options() == null) {
            problems.add(Diagnostic.error(YamlLocations.span(source, null, 1),
                    source.name() + " lacks the experiment, program text or options it needs to rerun"));
        }
        return problems.isEmpty() ? new Read(Optional.of(plan), List.of()) : new Read(Optional.empty(), problems);
    }

    /** Every data file of {@code plan} whose bytes under {@code root} differ from the plan's, or that is missing. */
    public static List<Mismatch> verify(ResolvedPlan plan, DataRoot root) {
        List<Mismatch> out = new ArrayList<>();
        for (ResolvedPlan.DataFile f : plan.data()) {
            Path path;
            try {
                path = root.file(f.file());
            } catch (DataException e) {
                out.add(new Mismatch(f.file(), root.dir().resolve(f.file()).normalize(), f.sha256(), null));
                continue;
            }
            String actual = sha256(path);
            if (!actual.equalsIgnoreCase(f.sha256())) out.add(new Mismatch(f.file(), path, f.sha256(), actual));
        }
        return out;
    }

    /** SHA-256 (lower-case hex) of text as UTF-8. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 (lower-case hex) of a file's bytes, streamed. */
    static String sha256(Path file) {
        MessageDigest digest = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) digest.update(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to hash it: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Read failed(Diagnostic d) {
        return new Read(Optional.empty(), List.of(d));
    }
}
