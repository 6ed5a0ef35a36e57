package dev.strat.runtime.rl.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strat.runtime.io.AtomicFiles;
import dev.strat.runtime.rl.algo.Losses;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * One model as one file: a zip with {@code meta.json}, {@code agent.bin}, {@code normaliser.bin},
 * {@code strategy.strat}, {@code history.json} and, when a keep-best run's best epoch is not the
 * current one, {@code best.bin}. Written atomically ({@link AtomicFiles}): a reader sees the
 * previous checkpoint or the new one, never a torn file, even if the process dies mid-write.
 * Reading verifies every entry's CRC.
 */
public final class Checkpoint {

    /** The format version written; reading refuses any other. */
    public static final int FORMAT = 1;

    static final String META = "meta.json";
    static final String AGENT = "agent.bin";
    static final String BEST = "best.bin";
    static final String NORMALISER = "normaliser.bin";
    static final String STRATEGY = "strategy.strat";
    static final String HISTORY = "history.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Checkpoint() {
    }

    /** Writes {@code content} to {@code target} atomically, replacing any file there. */
    public static Path write(Path target, CheckpointContent content) {
        return write(target, content, UnaryOperator.identity());
    }

    /** {@link #write} through {@code wrap}, which tests use to fail a write half-way. */
    static Path write(Path target, CheckpointContent content, UnaryOperator<OutputStream> wrap) {
        byte[] meta = json(metaJson(content.meta()));
        byte[] history = json(historyJson(content.history()));
        try {
            return AtomicFiles.write(target, temp -> {
                try (ZipOutputStream zip = new ZipOutputStream(wrap.apply(new BufferedOutputStream(Files.newOutputStream(temp))))) {
                    entry(zip, META, meta);
                    entry(zip, AGENT, content.agent());
                    if (content.bestAgent().isPresent()) entry(zip, BEST, content.bestAgent().get());
                    entry(zip, NORMALISER, content.normaliser());
                    entry(zip, STRATEGY, content.strategy().getBytes(StandardCharsets.UTF_8));
                    entry(zip, HISTORY, history);
                }
            });
        } catch (UncheckedIOException e) {
            throw new CheckpointException("cannot write checkpoint " + target + ": " + e.getCause().getMessage(), e);
        }
    }

    /**
     * The finished model of {@code algorithm} at {@code file}, for a run that reuses saved models.
     *
     * @throws SavedModelException when the file is missing, did not finish training, or holds
     *                             another algorithm: the user's to fix, said without any stage label
     */
    public static CheckpointContent readFinished(Path file, String algorithm) {
        if (!Files.exists(file)) {
            throw new SavedModelException(file, "no trained model at " + file + "; train it first (strat train)");
        }
        CheckpointContent saved = read(file);
        if (!saved.meta().complete()) {
            throw new SavedModelException(file, "the model at " + file + " did not finish training; resume it (strat train --resume)");
        }
        if (!saved.meta().algorithm().equals(algorithm)) {
            throw new SavedModelException(file, file + " holds a " + saved.meta().algorithm() + " model, not " + algorithm);
        }
        return saved;
    }

    /**
     * Reads a checkpoint.
     *
     * @throws CheckpointException when the file is missing, not a checkpoint, corrupt (truncated,
     *                             bad CRC), of another format version, or lacks an entry
     */
    public static CheckpointContent read(Path file) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) entries.put(e.getName(), zip.readAllBytes());
        } catch (NoSuchFileException e) {
            throw new CheckpointException("no checkpoint at " + file);
        } catch (ZipException | java.io.EOFException e) {
            throw new CheckpointException("checkpoint " + file + " is corrupt: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        if (entries.isEmpty()) throw new CheckpointException(file + " is not a checkpoint (empty or not a zip file)");
        for (String name : List.of(META, AGENT, NORMALISER, STRATEGY, HISTORY)) {
            if (!entries.containsKey(name)) throw new CheckpointException("checkpoint " + file + " has no " + name + " (corrupt or not a checkpoint)");
        }
        try {
            CheckpointMeta meta = meta(JSON.readTree(entries.get(META)), file);
            TrainingHistory history = history(JSON.readTree(entries.get(HISTORY)));
            return new CheckpointContent(meta, entries.get(AGENT), Optional.ofNullable(entries.get(BEST)),
                    entries.get(NORMALISER), new String(entries.get(STRATEGY), StandardCharsets.UTF_8), history);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CheckpointException ce) throw ce;
            throw new CheckpointException("checkpoint " + file + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new CheckpointException("cannot encode checkpoint JSON: " + e.getMessage(), e);
        }
    }

    private static ObjectNode metaJson(CheckpointMeta m) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", m.format());
        o.put("algorithm", m.algorithm());
        o.put("seed", m.seed());
        o.put("observationSize", m.observationSize());
        o.put("action", m.action());
        o.put("epoch", m.epoch());
        o.put("episodes", m.episodes());
        o.put("steps", m.steps());
        o.put("metricName", m.metricName());
        number(o, "metric", m.metric());
        o.put("bestEpoch", m.bestEpoch());
        number(o, "bestMetric", m.bestMetric());
        o.put("complete", m.complete());
        o.put("created", m.created().toString());
        return o;
    }

    private static CheckpointMeta meta(JsonNode o, Path file) {
        int format = required(o, "format").asInt();
        if (format != FORMAT) {
            throw new CheckpointException("checkpoint " + file + " has format " + format + "; this strat reads format " + FORMAT);
        }
        return new CheckpointMeta(format, text(o, "algorithm"), required(o, "seed").asLong(),
                required(o, "observationSize").asInt(), text(o, "action"), required(o, "epoch").asInt(),
                required(o, "episodes").asLong(), required(o, "steps").asLong(), text(o, "metricName"), number(o, "metric"),
                required(o, "bestEpoch").asInt(), number(o, "bestMetric"), required(o, "complete").asBoolean(),
                Instant.parse(text(o, "created")));
    }

    private static ObjectNode historyJson(TrainingHistory h) {
        ObjectNode o = JSON.createObjectNode();
        o.put("metricName", h.metricName());
        ArrayNode rewards = o.putArray("episodeRewards");
        for (double v : h.episodeRewards()) number(rewards, v);
        ArrayNode lengths = o.putArray("episodeLengths");
        for (int v : h.episodeLengths()) lengths.add(v);
        ArrayNode validation = o.putArray("validation");
        for (double v : h.validation()) number(validation, v);
        o.put("lossEvery", h.lossEvery());
        ArrayNode losses = o.putArray("losses");
        for (Losses l : h.losses()) {
            ObjectNode s = losses.addObject();
            s.put("update", l.update());
            ObjectNode values = s.putObject("values");
            l.values().forEach((k, v) -> number(values, k, v));
        }
        return o;
    }

    private static TrainingHistory history(JsonNode o) {
        JsonNode rewards = required(o, "episodeRewards");
        JsonNode lengths = required(o, "episodeLengths");
        JsonNode validation = required(o, "validation");
        double[] r = new double[rewards.size()];
        for (int i = 0; i < r.length; i++) r[i] = number(rewards.get(i));
        int[] len = new int[lengths.size()];
        for (int i = 0; i < len.length; i++) len[i] = lengths.get(i).asInt();
        double[] v = new double[validation.size()];
        for (int i = 0; i < v.length; i++) v[i] = number(validation.get(i));
        List<Losses> losses = new ArrayList<>();
        for (JsonNode s : required(o, "losses")) {
            Map<String, Double> values = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = required(s, "values").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey(), number(e.getValue()));
            }
            losses.add(new Losses(required(s, "update").asLong(), values));
        }
        return new TrainingHistory(text(o, "metricName"), r, len, v, required(o, "lossEvery").asLong(), losses);
    }

    // JSON has no NaN or infinities: those are written as the strings Double.toString gives and parsed back.
    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.put(key, Double.toString(v));
    }

    private static void number(ArrayNode a, double v) {
        if (Double.isFinite(v)) a.add(v);
        else a.add(Double.toString(v));
    }

    private static double number(JsonNode o, String key) {
        return number(required(o, key));
    }

    private static double number(JsonNode n) {
        if (n.isNumber()) return n.doubleValue();
        if (n.isTextual()) return Double.parseDouble(n.textValue());
        throw new CheckpointException("expected a number, found " + n);
    }

    private static String text(JsonNode o, String key) {
        return required(o, key).asText();
    }

    private static JsonNode required(JsonNode o, String key) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) throw new CheckpointException("missing field '" + key + "'");
        return n;
    }
}
