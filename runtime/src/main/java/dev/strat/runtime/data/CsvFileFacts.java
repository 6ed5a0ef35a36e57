package dev.strat.runtime.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a long-format CSV file holds, found by one fast pass that parses no prices: its symbols
 * and its first and last dates. The checker uses it to catch unknown symbols and splits outside
 * the data before anything is loaded.
 *
 * @param symbols the symbols in the file, sorted
 * @param first   the earliest date in the file
 * @param last    the latest date in the file
 * @param frequency the bar frequency inferred from the times, when it could be
 * @param calendar  the bar times and which symbol has a row at each, when the rows come in time
 *                  order (then a checker can count the bars of a split as a loaded market has them)
 */
public record CsvFileFacts(List<String> symbols, LocalDate first, LocalDate last, Optional<Frequency> frequency,
                           Optional<BarCalendar> calendar) {

    public CsvFileFacts {
        symbols = List.copyOf(symbols);
        java.util.Objects.requireNonNull(frequency, "frequency");
        java.util.Objects.requireNonNull(calendar, "calendar");
    }

    public CsvFileFacts(List<String> symbols, LocalDate first, LocalDate last, Optional<Frequency> frequency) {
        this(symbols, first, last, frequency, Optional.empty());
    }

    public CsvFileFacts(List<String> symbols, LocalDate first, LocalDate last) {
        this(symbols, first, last, Optional.empty());
    }

    /** Scans a file; errors name the file and, for a bad row, its line number. */
    public static CsvFileFacts scan(Path file) {
        String name = file.toString();
        try (InputStream raw = Files.newInputStream(file); BufferedReader in = CsvMarketReader.textReader(raw, name)) {
            String header = in.readLine();
            if (header == null) throw new DataException(name + ": the file is empty");
            String[] columns = header.split(",", -1);
            int dateCol = -1, symbolCol = -1;
            for (int k = 0; k < columns.length; k++) {
                String c = columns[k].trim().replace("\"", "");
                if (c.equals("date")) dateCol = k;
                if (c.equals("symbol")) symbolCol = k;
            }
            if (dateCol < 0 || symbolCol < 0) {
                throw new DataException(name + ":1: the header needs 'date' and 'symbol' columns, found: " + header);
            }
            TreeSet<String> symbols = new TreeSet<>();
            String minDate = null, maxDate = null, lastSymbol = null, lastDate = null;
            // the bar times, for the frequency a checker needs to turn lengths such as 21d into bars
            long[] times = new long[1024];
            int count = 0;
            boolean readable = true;
            // which symbol has a row at each bar time; kept only while the times come in increasing order
            java.util.Map<String, java.util.BitSet> present = new java.util.HashMap<>();
            boolean ordered = true;
            int lineNo = 1;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isEmpty()) continue;
                String date = field(line, dateCol), symbol = field(line, symbolCol);
                if (date == null || symbol == null || date.length() < 10) {
                    throw new DataException(name, lineNo, 1, "date", "expected a date and a symbol, got: " + line);
                }
                if (readable && !date.equals(lastDate)) {
                    long epoch = CsvMarketReader.epochSeconds(date);
                    if (epoch == Long.MIN_VALUE) {
                        readable = false;
                    } else {
                        if (count == times.length) times = java.util.Arrays.copyOf(times, count * 2);
                        if (count > 0 && epoch <= times[count - 1]) ordered = false;
                        times[count++] = epoch;
                    }
                    lastDate = date;
                }
                if (readable && ordered) present.computeIfAbsent(symbol, k -> new java.util.BitSet()).set(count - 1);
                String day = date.substring(0, 10);
                if (minDate == null || day.compareTo(minDate) < 0) minDate = day;
                if (maxDate == null || day.compareTo(maxDate) > 0) maxDate = day;
                // rows come grouped by date, so the same symbol string repeats rarely in a row
                if (!symbol.equals(lastSymbol)) {
                    symbols.add(symbol);
                    lastSymbol = symbol;
                }
            }
            if (minDate == null) throw new DataException(name + ": the file has a header but no rows");
            try {
                return new CsvFileFacts(List.copyOf(symbols), LocalDate.parse(minDate), LocalDate.parse(maxDate),
                        readable ? frequency(times, count) : Optional.empty(),
                        readable && ordered ? Optional.of(new BarCalendar(java.util.Arrays.copyOf(times, count), present)) : Optional.empty());
            } catch (java.time.format.DateTimeParseException e) {
                throw new DataException(name + ": unreadable date '" + e.getParsedString() + "'");
            }
        } catch (NoSuchFileException e) {
            throw new DataException(name + ": file not found");
        } catch (IOException e) {
            throw new DataException(name + ": cannot read: " + e.getMessage());
        }
    }

    /** The frequency of the file's distinct bar times, when there are enough of them to tell. */
    private static Optional<Frequency> frequency(long[] times, int count) {
        long[] distinct = java.util.Arrays.stream(times, 0, count).sorted().distinct().toArray();
        if (distinct.length < 3) return Optional.empty();
        try {
            return Optional.of(FrequencyInference.infer(distinct));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The {@code index}-th comma-separated field of a line, or null when the line is shorter. */
    private static String field(String line, int index) {
        int start = 0;
        for (int k = 0; k < index; k++) {
            start = line.indexOf(',', start) + 1;
            if (start == 0) return null;
        }
        int end = line.indexOf(',', start);
        return (end < 0 ? line.substring(start) : line.substring(start, end)).replace("\"", "");
    }
}
