package dev.strat.runtime.risk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the golden cases written by {@code src/test/python/risk_goldens.py}; compares arrays. */
final class Goldens {

    /** Agreement demanded with the reference libraries, relative to the matrix's largest entry. */
    static final double TOLERANCE = 1e-12;

    private Goldens() {}

    static List<JsonNode> load(String resource) {
        try (InputStream in = Goldens.class.getResourceAsStream("/risk/" + resource)) {
            if (in == null) throw new IllegalStateException("missing test resource /risk/" + resource);
            List<JsonNode> cases = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(cases::add);
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] array(JsonNode node, String field) {
        JsonNode a = node.get(field);
        if (a == null) throw new IllegalStateException("golden case lacks " + field);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asDouble();
        return out;
    }

    /** {@code max |actual - expected| <= TOLERANCE * max(|expected|)} (and equal lengths). */
    static void assertClose(String what, double[] expected, double[] actual, int length) {
        assertEquals(expected.length, length, what + ": length");
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        double worst = 0;
        int at = -1;
        for (int i = 0; i < length; i++) {
            double d = Math.abs(actual[i] - expected[i]);
            if (!(d <= worst)) { worst = d; at = i; }
        }
        final double bound = TOLERANCE * Math.max(scale, Double.MIN_NORMAL);
        final int where = at;
        final double w = worst;
        assertTrue(worst <= bound, () -> what + ": entry " + where + " differs by " + w + " (bound " + bound
                + "), expected " + expected[where] + " got " + actual[where]);
    }
}
