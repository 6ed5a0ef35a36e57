package dev.strat.runtime.report;

import java.awt.Color;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Colours that stay the same for a strategy, or an asset, across every chart and the table of one
 * report. Strategies get twelve colours chosen so that no two are near-identical (every pair at
 * least 22 CIEDE2000 units apart, checked by a test) and none is near the benchmark's grey; beyond
 * twelve they reuse them darker. A benchmark is always drawn {@link #BENCHMARK} grey, dashed.
 */
public final class Palette {

    /**
     * Twelve strategy colours, picked from Tableau/D3, ColorBrewer Dark2 and a few CSS named colours by
     * maximising the least pairwise CIEDE2000 difference and the difference to {@link #BENCHMARK}
     * (runtime/src/test/python/palette_ciede2000.py), then ordered
     * strong tones first.
     */
    static final int[] STRATEGY_RGB = {
            0x003F5C, 0xD95F02, 0x2CA02C, 0xE7298A, 0xFFA600, 0x7A5195,
            0x00CED1, 0x8B0000, 0xBCBD22, 0xAEC7E8, 0xFF9DA7, 0x0B6E4F};

    /** The benchmark's line: a mid grey, drawn dashed, so it reads as a reference and not a contender. */
    public static final Color BENCHMARK = new Color(0x7F7F7F);

    /** Tableau 20 without its greys, strong and light tones alternating by hue. */
    private static final int[] ASSET_RGB = {
            0x4E79A7, 0xF28E2B, 0x59A14F, 0xE15759, 0xB07AA1, 0x499894, 0xB6992D, 0xD37295, 0x9D7660,
            0xA0CBE8, 0xFFBE7D, 0x8CD17D, 0xFF9D9A, 0xD4A6C8, 0x86BCB6, 0xF1CE63, 0xFABFD2, 0xD7B5A6};

    /** Weight of cash in the stacked weights charts: a neutral light tone, so it reads as "not invested". */
    public static final Color CASH = new Color(0xDAD7CB);
    /** The grouped smaller assets. */
    public static final Color OTHER = new Color(0x9A9A9A);

    private final Map<String, Color> byName = new LinkedHashMap<>();
    private final java.util.Set<String> benchmarks = new java.util.HashSet<>();
    private final int[] rgb;

    private Palette(int[] rgb) {
        this.rgb = rgb;
    }

    /** A palette for strategies, assigning colours in the order of {@code names}. */
    public static Palette forStrategies(Collection<String> names) {
        Palette p = new Palette(STRATEGY_RGB);
        names.forEach(p::color);
        return p;
    }

    /**
     * A palette for strategies where {@code benchmarks} are drawn {@link #BENCHMARK} grey and take no
     * colour from the others.
     */
    public static Palette forStrategies(Collection<String> names, Collection<String> benchmarks) {
        Palette p = new Palette(STRATEGY_RGB);
        p.benchmarks.addAll(benchmarks);
        names.forEach(p::color);
        return p;
    }

    /** Whether {@code name} is a benchmark of this palette. */
    public boolean isBenchmark(String name) {
        return benchmarks.contains(name);
    }

    /** A palette for assets, assigning colours in the order of {@code names}. */
    public static Palette forAssets(Collection<String> names) {
        Palette p = new Palette(ASSET_RGB);
        names.forEach(p::color);
        return p;
    }

    /** The colour of {@code name}, assigning the next free one on first use. */
    public Color color(String name) {
        if (benchmarks.contains(name)) return BENCHMARK;
        return byName.computeIfAbsent(name, n -> {
            int i = byName.size();
            Color c = new Color(rgb[i % rgb.length]);
            for (int round = i / rgb.length; round > 0; round--) c = c.darker();
            return c;
        });
    }

    /** {@code #rrggbb} for CSS. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
