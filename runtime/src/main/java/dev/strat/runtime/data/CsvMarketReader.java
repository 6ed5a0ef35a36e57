package dev.strat.runtime.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads market data in long CSV format ({@code date,symbol,open,high,low,close,volume}, one row
 * per date and symbol) from a plain or gzip file and aligns it onto one calendar.
 *
 * <p>Columns are found by header name (case-insensitive, any order, extra columns ignored);
 * {@code date}, {@code symbol} and {@code close} are required, the others optional. Empty fields
 * mean "not available": an empty open/high/low/volume becomes {@code NaN}; a row with an empty
 * close is treated as a missing bar and is forward-filled like any other hole. Dates are
 * {@code YYYY-MM-DD} or {@code YYYY-MM-DDTHH:MM:SS[Z]} in UTC. Rows need not be sorted.
 *
 * <p>Validation stops at the first error, reported as {@link DataException} with
 * {@code FILE:ROW:COL}. A close (and an open, high or low when present) must be finite and
 * positive, volume finite and non-negative, high not below low, and each (date, symbol) unique.
 * A close outside [low, high] is accepted: files that store the adjusted close next to
 * split-only-adjusted highs and lows have it on purpose.
 *
 * <p>The parser is hand-rolled for speed (700k rows load in well under a second): a comma scan
 * per line, cached date conversion (rows share dates) and a fast exact path for plain decimals.
 * Rows of symbols that were not asked for are skipped after the symbol field.
 */
public final class CsvMarketReader {

    private static final int MAX_FIELDS = 64;

    private CsvMarketReader() {}

    /** Loads a file with the given options. */
    public static LoadedMarket load(Path file, CsvOptions options) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name, options);
        } catch (NoSuchFileException e) {
            throw new DataException(name + ": file not found");
        } catch (IOException e) {
            throw new DataException(name + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads from a stream (gzip detected by its magic bytes). The stream is not closed.
     *
     * @param name the file name used in messages and as the market's name
     */
    public static LoadedMarket read(InputStream raw, String name, CsvOptions options) {
        try {
            BufferedReader reader = textReader(raw, name);
            Parsed parsed = new Parser(name, options).parse(reader);
            return CalendarAligner.align(name, parsed.series, parsed.skippedEmptyClose, options);
        } catch (IOException e) {
            throw new DataException(name + ": cannot read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new DataException(name + ": cannot read: " + e.getCause().getMessage());
        }
    }

    /**
     * A UTF-8 reader over plain or gzip data (gzip recognised by its magic bytes, not the name).
     * Binary data, compressed or not, is a {@link DataException} that says what the file looks
     * like, never a line of its bytes.
     *
     * @param name the file name for messages
     */
    static BufferedReader textReader(InputStream raw, String name) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read(), b1 = buffered.read();
        buffered.reset();
        boolean gzipped = b0 == 0x1f && b1 == 0x8b;
        BufferedInputStream in = gzipped ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
        in.mark(BinarySniffer.HEAD);
        byte[] head = in.readNBytes(BinarySniffer.HEAD);
        in.reset();
        BinarySniffer.requireText(head, head.length, name, gzipped);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Series of the selected symbols in column order, and rows skipped for an empty close. */
    record Parsed(List<RawSeries> series, Map<String, Integer> skippedEmptyClose) {}

    /** One parse of one file; not reusable. */
    /** Epoch seconds of a date field as the reader parses it, or {@code Long.MIN_VALUE} when malformed. */
    static long epochSeconds(String text) {
        return Parser.parseTime(text, 0, text.length());
    }

    private static final class Parser {
        private final String file;
        private final CsvOptions options;
        private final int[] starts = new int[MAX_FIELDS + 1];
        private String[] header;
        private int dateCol = -1, symbolCol = -1, openCol = -1, highCol = -1, lowCol = -1, closeCol = -1, volumeCol = -1;
        private final long startEpoch;
        private final long endEpochExclusive;
        private String lastDate = null;
        private long lastEpoch;
        /** Series in first-seen order; long files cycle through symbols in this order on every date. */
        private final List<RawSeries> cycle = new ArrayList<>();
        private int lastIndex = -1;

        Parser(String file, CsvOptions options) {
            this.file = file;
            this.options = options;
            this.startEpoch = options.start() == null ? Long.MIN_VALUE : options.start().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            this.endEpochExclusive = options.end() == null ? Long.MAX_VALUE : options.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        }

        Parsed parse(BufferedReader reader) throws IOException {
            String line = reader.readLine();
            int lineNo = 1;
            while (line != null && line.isBlank()) {
                line = reader.readLine();
                lineNo++;
            }
            if (line == null) throw new DataException(file + ": the file is empty (expected a header line date,symbol,open,high,low,close,volume)");
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            readHeader(line, lineNo);

            Set<String> wanted = new HashSet<>(options.symbols());
            boolean all = wanted.isEmpty();
            Map<String, RawSeries> bySymbol = new HashMap<>();
            Set<String> seen = new HashSet<>();
            Map<String, Integer> emptyClose = new HashMap<>();
            int fields = header.length;
            int rows = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) continue;
                int count = split(line, fields, lineNo);
                if (count == 0) continue; // whitespace-only line
                rows++;
                RawSeries series = predictSymbol(line);
                if (series == null) {
                    String symbol = field(line, symbolCol);
                    if (symbol.isEmpty()) throw error(lineNo, symbolCol, "the symbol is empty");
                    series = bySymbol.get(symbol);
                    if (series == null) {
                        seen.add(symbol);
                        series = (!all && !wanted.contains(symbol)) ? new RawSeries(symbol, true) : new RawSeries(symbol);
                        series.order = cycle.size();
                        bySymbol.put(symbol, series);
                        cycle.add(series);
                    }
                    lastIndex = series.order;
                }
                if (series.skipped) continue;
                String symbol = series.symbol;
                long time = date(line, lineNo);
                if (time < startEpoch || time >= endEpochExclusive) continue;
                double close = price(line, closeCol, lineNo, true);
                if (Double.isNaN(close)) {
                    emptyClose.merge(symbol, 1, Integer::sum);
                    continue;
                }
                double open = price(line, openCol, lineNo, false);
                double high = price(line, highCol, lineNo, false);
                double low = price(line, lowCol, lineNo, false);
                if (high < low) {
                    throw error(lineNo, highCol, "high " + field(line, highCol) + " is below low " + field(line, lowCol) + " (" + symbol + ")");
                }
                double volume = volume(line, lineNo);
                series.add(time, open, high, low, close, volume, lineNo);
            }
            if (rows == 0) throw new DataException(file + ": no data rows after the header");

            List<String> order = new ArrayList<>();
            if (all) {
                order.addAll(seen);
                order.sort(null);
            } else {
                Set<String> unique = new LinkedHashSet<>();
                for (String s : options.symbols()) {
                    if (!unique.add(s)) throw new DataException(file + ": symbol " + s + " is listed twice");
                    if (!seen.contains(s)) {
                        String hint = Names.suggest(s, seen).map(x -> "; did you mean " + x + "?").orElse(".");
                        throw new DataException(file + ": symbol " + s + " is not in the file" + hint + " Available: " + Names.list(seen));
                    }
                }
                order.addAll(unique);
            }
            List<RawSeries> selected = new ArrayList<>(order.size());
            for (String s : order) {
                RawSeries series = bySymbol.get(s);
                int dup = series.sortAndFindDuplicate();
                if (dup >= 0) {
                    throw error(series.lines[dup], dateCol, "duplicate row for " + s + " at " + formatTime(series.times[dup])
                            + " (first seen on line " + series.lines[dup - 1] + ")");
                }
                if (series.size == 0) {
                    String window = (options.start() != null || options.end() != null)
                            ? " between " + (options.start() == null ? "the start" : options.start()) + " and " + (options.end() == null ? "the end" : options.end())
                            : "";
                    throw new DataException(file + ": symbol " + s + " has no rows with a close" + window);
                }
                selected.add(series);
            }
            return new Parsed(selected, emptyClose);
        }

        private void readHeader(String line, int lineNo) {
            List<String> names = new ArrayList<>();
            int from = 0;
            for (int k = 0; k <= line.length(); k++) {
                if (k == line.length() || line.charAt(k) == ',') {
                    names.add(unquote(line.substring(from, k).trim()).toLowerCase(Locale.ROOT));
                    from = k + 1;
                }
            }
            if (names.size() > MAX_FIELDS) throw new DataException(file, lineNo, MAX_FIELDS + 1, null, "too many columns (at most " + MAX_FIELDS + ")");
            header = names.toArray(String[]::new);
            for (int k = 0; k < header.length; k++) {
                String h = header[k];
                int previous = switch (h) {
                    case "date", "time", "timestamp", "datetime" -> { int p = dateCol; dateCol = k; yield p; }
                    case "symbol", "ticker" -> { int p = symbolCol; symbolCol = k; yield p; }
                    case "open" -> { int p = openCol; openCol = k; yield p; }
                    case "high" -> { int p = highCol; highCol = k; yield p; }
                    case "low" -> { int p = lowCol; lowCol = k; yield p; }
                    case "close" -> { int p = closeCol; closeCol = k; yield p; }
                    case "volume" -> { int p = volumeCol; volumeCol = k; yield p; }
                    default -> -1;
                };
                if (previous >= 0) {
                    throw new DataException(file, lineNo, k + 1, h, "appears twice in the header (also column " + (previous + 1) + ")");
                }
            }
            List<String> missing = new ArrayList<>();
            if (dateCol < 0) missing.add("date");
            if (symbolCol < 0) missing.add("symbol");
            if (closeCol < 0) missing.add("close");
            if (!missing.isEmpty()) {
                throw new DataException(file, lineNo, 1, null, "the header '" + line + "' lacks " + String.join(", ", missing)
                        + "; expected the long format date,symbol,open,high,low,close,volume (open, high, low, volume optional)");
            }
        }

        private static String unquote(String s) {
            return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"' ? s.substring(1, s.length() - 1) : s;
        }

        /** Records field start offsets in {@code starts}; starts[fields] is one past the end. */
        private int split(String line, int fields, int lineNo) {
            int n = line.length();
            int f = 0;
            starts[0] = 0;
            for (int k = 0; k < n; k++) {
                if (line.charAt(k) == ',') {
                    f++;
                    if (f >= fields) {
                        throw new DataException(file, lineNo, f + 1, null, "too many fields: expected " + fields + " as in the header");
                    }
                    starts[f] = k + 1;
                }
            }
            if (f + 1 < fields) {
                if (f == 0 && line.isBlank()) return 0;
                throw new DataException(file, lineNo, f + 2, header[f + 1], "missing: the row has " + (f + 1) + " fields, the header " + fields);
            }
            starts[fields] = n + 1;
            return fields;
        }

        /**
         * The series of this row when its symbol field is the one that follows the previous row's
         * in first-seen order (files sorted by date repeat the same symbol cycle on every date) or
         * the previous row's own (files sorted by symbol): avoids a substring and a hash lookup
         * per row. Null when neither matches.
         */
        private RawSeries predictSymbol(String line) {
            int size = cycle.size();
            if (size == 0) return null;
            int s = fieldStart(symbolCol), len = fieldEnd(symbolCol) - s;
            int next = lastIndex + 1 == size ? 0 : lastIndex + 1;
            RawSeries guess = cycle.get(next);
            if (len == guess.symbol.length() && line.regionMatches(s, guess.symbol, 0, len)) {
                lastIndex = next;
                return guess;
            }
            // Files sorted by symbol first repeat the previous row's symbol instead.
            RawSeries same = cycle.get(lastIndex);
            if (len == same.symbol.length() && line.regionMatches(s, same.symbol, 0, len)) return same;
            return null;
        }

        private int fieldStart(int col) { return starts[col]; }

        private int fieldEnd(int col) { return starts[col + 1] - 1; }

        private String field(String line, int col) {
            int s = fieldStart(col), e = fieldEnd(col);
            while (s < e && line.charAt(s) == ' ') s++;
            while (e > s && line.charAt(e - 1) == ' ') e--;
            if (e - s >= 2 && line.charAt(s) == '"' && line.charAt(e - 1) == '"') { s++; e--; }
            return line.substring(s, e);
        }

        private DataException error(int lineNo, int col, String message) {
            return new DataException(file, lineNo, col + 1, header[col], message);
        }

        private long date(String line, int lineNo) {
            int s = fieldStart(dateCol), e = fieldEnd(dateCol);
            int len = e - s;
            if (lastDate != null && len == lastDate.length() && line.regionMatches(s, lastDate, 0, len)) return lastEpoch;
            long epoch = parseTime(line, s, e);
            if (epoch == Long.MIN_VALUE) {
                throw error(lineNo, dateCol, "cannot read date '" + line.substring(s, e) + "' (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)");
            }
            lastDate = line.substring(s, e);
            lastEpoch = epoch;
            return epoch;
        }

        /** Epoch seconds of {@code YYYY-MM-DD[(T| )HH:MM[:SS][Z]]}, or Long.MIN_VALUE when malformed. */
        static long parseTime(CharSequence text, int s, int e) {
            int len = e - s;
            if (len < 10) return Long.MIN_VALUE;
            int y = digits(text, s, 4), m = digits(text, s + 5, 2), d = digits(text, s + 8, 2);
            if (y < 0 || m < 0 || d < 0 || text.charAt(s + 4) != '-' || text.charAt(s + 7) != '-') return Long.MIN_VALUE;
            long day;
            try {
                day = LocalDate.of(y, m, d).toEpochDay();
            } catch (DateTimeException ex) {
                return Long.MIN_VALUE;
            }
            long seconds = 0;
            if (len > 10) {
                char sep = text.charAt(s + 10);
                if (sep != 'T' && sep != ' ') return Long.MIN_VALUE;
                int end = e;
                if (text.charAt(end - 1) == 'Z') end--;
                int tl = end - (s + 11);
                if (tl != 5 && tl != 8) return Long.MIN_VALUE;
                int hh = digits(text, s + 11, 2), mm = digits(text, s + 14, 2);
                int ss = tl == 8 ? digits(text, s + 17, 2) : 0;
                if (hh < 0 || mm < 0 || ss < 0 || text.charAt(s + 13) != ':' || (tl == 8 && text.charAt(s + 16) != ':')) return Long.MIN_VALUE;
                if (hh > 23 || mm > 59 || ss > 59) return Long.MIN_VALUE;
                seconds = hh * 3600L + mm * 60L + ss;
            }
            return day * 86_400L + seconds;
        }

        private static int digits(CharSequence text, int from, int count) {
            int v = 0;
            for (int k = from; k < from + count; k++) {
                char c = text.charAt(k);
                if (c < '0' || c > '9') return -1;
                v = v * 10 + (c - '0');
            }
            return v;
        }

        /** A price field: NaN when absent or empty; otherwise finite and positive. */
        private double price(String line, int col, int lineNo, boolean required) {
            if (col < 0) return Double.NaN;
            int s = fieldStart(col), e = fieldEnd(col);
            if (s == e) return Double.NaN;
            double v = number(line, s, e);
            if (Double.isNaN(v) && !isNanLiteral(line, s, e)) throw error(lineNo, col, "cannot read number '" + line.substring(s, e) + "'");
            if (!(v > 0) || Double.isInfinite(v)) {
                throw error(lineNo, col, "price " + line.substring(s, e) + " is not " + (Double.isFinite(v) ? "positive" : "a finite number")
                        + (required ? "" : " (leave the field empty when the value is not available)"));
            }
            return v;
        }

        private double volume(String line, int lineNo) {
            if (volumeCol < 0) return Double.NaN;
            int s = fieldStart(volumeCol), e = fieldEnd(volumeCol);
            if (s == e) return Double.NaN;
            double v = number(line, s, e);
            if (Double.isNaN(v) && !isNanLiteral(line, s, e)) throw error(lineNo, volumeCol, "cannot read number '" + line.substring(s, e) + "'");
            if (!(v >= 0) || Double.isInfinite(v)) throw error(lineNo, volumeCol, "volume " + line.substring(s, e) + " is not a finite non-negative number");
            return v;
        }

        private static boolean isNanLiteral(String line, int s, int e) {
            String t = line.substring(s, e).trim();
            return t.equalsIgnoreCase("nan") || t.equals("+NaN") || t.equals("-NaN");
        }
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * Parses a decimal number in {@code text[s, e)}. Plain decimals with at most 15 significant
     * digits take an exact fast path (an integer mantissa below 2^53 divided by an exact power of
     * ten is correctly rounded); everything else goes through {@link Double#parseDouble}.
     * Returns NaN when the text is not a number.
     */
    static double number(String text, int s, int e) {
        int k = s;
        boolean negative = false;
        if (k < e && (text.charAt(k) == '-' || text.charAt(k) == '+')) {
            negative = text.charAt(k) == '-';
            k++;
        }
        long mantissa = 0;
        int digits = 0, scale = 0;
        boolean dot = false, any = false;
        for (; k < e; k++) {
            char c = text.charAt(k);
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa == 0 && c == '0') {
                    if (dot) scale++;
                    continue;
                }
                if (++digits > 15) return slow(text, s, e);
                mantissa = mantissa * 10 + (c - '0');
                if (dot) scale++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return slow(text, s, e);
            }
        }
        if (!any) return slow(text, s, e);
        if (scale > 22) return slow(text, s, e);
        double v = mantissa / POW10[scale];
        return negative ? -v : v;
    }

    private static double slow(String text, int s, int e) {
        try {
            return Double.parseDouble(text.substring(s, e));
        } catch (NumberFormatException ex) {
            return Double.NaN;
        }
    }

    static String formatTime(long epochSecond) {
        if (epochSecond % 86_400 == 0) return LocalDate.ofEpochDay(epochSecond / 86_400).toString();
        return java.time.Instant.ofEpochSecond(epochSecond).toString();
    }
}
