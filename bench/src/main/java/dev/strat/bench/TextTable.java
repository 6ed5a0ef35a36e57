package dev.strat.bench;

import java.util.List;
import java.util.Locale;

/** The benchmark reports' aligned text tables. */
final class TextTable {

    private TextTable() {
    }

    /**
     * Appends {@code rows} (the header first) as aligned columns two spaces apart: figures
     * right-aligned where {@code right} says so, words left-aligned; a column empty in every row
     * is left out, and trailing blanks are stripped.
     */
    static void append(StringBuilder out, List<String[]> rows, boolean[] right) {
        int[] width = new int[right.length];
        for (String[] r : rows) for (int k = 0; k < right.length; k++) width[k] = Math.max(width[k], r[k].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < right.length; k++) {
                if (width[k] == 0) continue;
                if (k > 0) line.append("  ");
                line.append(String.format(Locale.ROOT, right[k] ? "%" + width[k] + "s" : "%-" + width[k] + "s", r[k]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
