package dev.strat.runtime.report;

import java.awt.Color;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Colours that stay the same for a strategy, or an asset, across every chart and the table of one
 * report. Strategies use the Tableau 10 qualitative palette (distinct under common colour-vision
 * deficiencies); beyond ten they reuse it darker.
 */
public final class Palette {

    private static final int[] STRATEGY_RGB = {
            0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F,
            0xEDC948, 0xB07AA1, 0xFF9DA7, 0x9C755F, 0xBAB0AC};

    /** Tableau 20 without its greys, strong and light tones alternating by hue. */
    private static final int[] ASSET_RGB = {
            0x4E79A7, 0xF28E2B, 0x59A14F, 0xE15759, 0xB07AA1, 0x499894, 0xB6992D, 0xD37295, 0x9D7660,
            0xA0CBE8, 0xFFBE7D, 0x8CD17D, 0xFF9D9A, 0xD4A6C8, 0x86BCB6, 0xF1CE63, 0xFABFD2, 0xD7B5A6};

    /** Weight of cash in the stacked weights charts: a neutral light tone, so it reads as "not invested". */
    public static final Color CASH = new Color(0xDAD7CB);
    /** The grouped smaller assets. */
    public static final Color OTHER = new Color(0x9A9A9A);

    private final Map<String, Color> byName = new LinkedHashMap<>();
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

    /** A palette for assets, assigning colours in the order of {@code names}. */
    public static Palette forAssets(Collection<String> names) {
        Palette p = new Palette(ASSET_RGB);
        names.forEach(p::color);
        return p;
    }

    /** The colour of {@code name}, assigning the next free one on first use. */
    public Color color(String name) {
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
