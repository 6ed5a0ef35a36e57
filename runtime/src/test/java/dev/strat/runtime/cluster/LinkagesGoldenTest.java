package dev.strat.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Every query of {@link Linkages}, {@link Dendrogram} and {@link GapStatistic} against scipy and
 * riskfolio-lib on random, tied and duplicated distance matrices of 2 to 25 points
 * ({@code src/test/python/cluster_goldens.py}). Linkage heights agree bit for bit in practice;
 * the test allows 1e-12.
 */
class LinkagesGoldenTest {

    private static JsonNode goldens() throws Exception {
        try (InputStream in = LinkagesGoldenTest.class.getResourceAsStream("/cluster/scipy_linkage.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = a.get(i).asInt();
        return out;
    }

    @Test
    void reproducesScipyAndRiskfolioOnEveryCase() throws Exception {
        JsonNode root = goldens();
        Linkages linkages = new Linkages();
        GapStatistic gap = new GapStatistic();
        Dendrogram z = new Dendrogram();
        int checked = 0;
        for (JsonNode c : root.get("cases")) {
            int n = c.get("n").asInt();
            double[] dist = new double[n * n];
            for (int i = 0; i < n * n; i++) dist[i] = c.get("dist").get(i).asDouble();
            for (JsonNode r : c.get("results")) {
                Linkage method = Linkage.byId(r.get("linkage").asText());
                boolean olo = r.get("optimal_ordering").asBoolean();
                String where = c.get("kind").asText() + " n=" + n + " " + method + " olo=" + olo;
                linkages.linkage(dist, n, method, olo, z);
                JsonNode zz = r.get("Z");
                for (int i = 0; i < n - 1; i++) {
                    JsonNode row = zz.get(i);
                    assertEquals(row.get(0).asInt(), z.left(i), where + " row " + i + " left");
                    assertEquals(row.get(1).asInt(), z.right(i), where + " row " + i + " right");
                    assertEquals(row.get(2).asDouble(), z.height(i), 1e-12, where + " row " + i + " height");
                    assertEquals(row.get(3).asInt(), z.size(i), where + " row " + i + " size");
                }
                assertArrayEquals(ints(r.get("leaves")), z.leafOrder(), where + " leaves");
                assertEquals(r.get("monotonic").asBoolean(), z.isMonotonic(), where + " monotonic");
                int[] labels = new int[n];
                for (int k = 1; k <= n; k++) {
                    z.cutTree(k, labels);
                    assertArrayEquals(ints(r.get("cut_tree").get(Integer.toString(k))), labels, where + " cut_tree k=" + k);
                    z.maxClusters(k, labels);
                    assertArrayEquals(ints(r.get("maxclust").get(Integer.toString(k))), labels, where + " maxclust k=" + k);
                }
                for (var it = r.get("gap").fields(); it.hasNext(); ) {
                    var e = it.next();
                    int maxK = Integer.parseInt(e.getKey());
                    int k = gap.twoDiff(dist, n, z, maxK, labels);
                    assertEquals(e.getValue().get("k").asInt(), k, where + " gap k max_k=" + maxK);
                    assertArrayEquals(ints(e.getValue().get("labels")), labels, where + " gap labels max_k=" + maxK);
                }
                checked++;
            }
        }
        assertTrue(checked >= 37 * 8, "all cases were read");
    }

    @Test
    void tinyCaseByHand() {
        // points on a line at 0, 1, 3, 7: single linkage merges {0,1} at 1, then 2 at 2, then 3 at 4
        double[] x = {0, 1, 3, 7};
        double[] dist = new double[16];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) dist[i * 4 + j] = Math.abs(x[i] - x[j]);
        Dendrogram z = Linkages.linkage(dist, 4, Linkage.SINGLE, false);
        assertArrayEquals(new double[][] {{0, 1, 1, 2}, {2, 4, 2, 3}, {3, 5, 4, 4}}, z.toMatrix());
        assertArrayEquals(new int[] {3, 2, 0, 1}, z.leafOrder());
        // complete linkage: {0,1} at 1, then {0,1} to 2 is max(3, 2) = 3, then to 3 is 7
        Dendrogram c = Linkages.linkage(dist, 4, Linkage.COMPLETE, false);
        assertArrayEquals(new double[][] {{0, 1, 1, 2}, {2, 4, 3, 3}, {3, 5, 7, 4}}, c.toMatrix());
        // average: (3 + 2) / 2 = 2.5, then (7 + 6 + 4) / 3
        Dendrogram a = Linkages.linkage(dist, 4, Linkage.AVERAGE, false);
        assertEquals(2.5, a.height(1), 0);
        assertEquals(17.0 / 3, a.height(2), 1e-15);
        // optimal ordering puts the leaves back on the line: 0 1 2 3 (sum of gaps 7) beats 3 2 0 1 (12)
        Dendrogram o = Linkages.linkage(dist, 4, Linkage.SINGLE, true);
        int[] leaves = o.leafOrder();
        double path = 0;
        for (int i = 1; i < 4; i++) path += Math.abs(x[leaves[i]] - x[leaves[i - 1]]);
        assertEquals(7.0, path, 0);
        int[] labels = new int[4];
        z.cutTree(2, labels);
        assertArrayEquals(new int[] {0, 0, 0, 1}, labels);
        int[] pre = new int[4];
        assertEquals(2, z.preOrder(4, pre));
        assertEquals(0, pre[0]);
        assertEquals(1, pre[1]);
    }

    @Test
    void rejectsNonFiniteDistances() {
        double[] dist = {0, Double.NaN, Double.NaN, 0};
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Linkages.linkage(dist, 2, Linkage.SINGLE, false));
        assertTrue(e.getMessage().contains("finite"));
    }
}
