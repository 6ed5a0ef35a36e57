package dev.strat.runtime.experiment;

import dev.strat.runtime.io.AtomicFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.metrics.MetricId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes an experiment's results into a report folder, every file atomically
 * ({@link AtomicFiles}):
 * <ul>
 *   <li>{@value #SUMMARY}: one row per strategy and shown metric with mean, sample std and each
 *       seed's value ({@code seed_<s>} columns);</li>
 *   <li>{@value #EQUITY}: the per-bar path of each strategy's first-seed run: wealth, then the
 *       turnover, cost and weights of the decision taken at that bar (empty on the last bar);</li>
 *   <li>{@value #JSON}: the full {@link ExperimentReport};</li>
 *   <li>{@value #TABLE}: the plain-text table of {@link TableRenderer}.</li>
 * </ul>
 * CSV files use a comma separator, a header row, RFC 4180 quoting, full-precision numbers, and
 * an empty field for undefined (NaN) values.
 */
public final class ResultWriter {

    public static final String SUMMARY = "summary.csv";
    public static final String EQUITY = "equity.csv";
    public static final String JSON = "results.json";
    public static final String TABLE = "table.txt";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RunInfo info;

    public ResultWriter(RunInfo info) {
        this.info = Objects.requireNonNull(info);
    }

    /** Writes all four files into {@code folder} (created when missing) and returns their paths. */
    public List<Path> writeAll(ExperimentResult result, Path folder) {
        Path summary = folder.resolve(SUMMARY), equity = folder.resolve(EQUITY), json = folder.resolve(JSON),
                table = folder.resolve(TABLE);
        writeSummaryCsv(result, summary);
        writeEquityCsv(result, equity);
        writeJson(result, json);
        AtomicFiles.writeString(table, new TableRenderer().render(result));
        return List.of(summary, equity, json, table);
    }

    public void writeSummaryCsv(ExperimentResult result, Path file) {
        AtomicFiles.writeText(file, out -> {
            List<Long> seeds = result.spec().seeds();
            StringBuilder header = new StringBuilder("strategy,label,metric,mean,std");
            for (long s : seeds) header.append(",seed_").append(s);
            line(out, header.toString());
            for (StrategyResult s : result.strategies()) {
                for (MetricId id : result.spec().metrics()) {
                    MetricSummary summary = s.summary(id);
                    StringBuilder row = new StringBuilder();
                    row.append(csv(s.name())).append(',').append(csv(s.label())).append(',').append(id.key())
                            .append(',').append(number(summary.mean())).append(',').append(number(summary.std()));
                    for (double v : summary.perSeed()) row.append(',').append(number(v));
                    line(out, row.toString());
                }
            }
        });
    }

    public void writeEquityCsv(ExperimentResult result, Path file) {
        MarketData market = result.spec().market();
        AtomicFiles.writeText(file, out -> {
            StringBuilder header = new StringBuilder("strategy,seed,time,wealth,turnover,cost");
            for (String symbol : market.symbols()) header.append(",w_").append(csv(symbol));
            header.append(",w_cash");
            line(out, header.toString());
            int m = market.assets() + 1;
            StringBuilder row = new StringBuilder();
            for (StrategyResult s : result.strategies()) {
                BacktestResult run = s.firstRun();
                String prefix = csv(s.name()) + ',' + run.seed() + ',';
                int periods = run.periods();
                for (int t = 0; t <= periods; t++) {
                    row.setLength(0);
                    row.append(prefix).append(TableRenderer.barTime(market, result.spec().firstBar() + t)).append(',')
                            .append(number(run.wealth()[t]));
                    if (t < periods) {
                        row.append(',').append(number(run.turnover()[t])).append(',').append(number(run.costs()[t]));
                        for (int j = 0; j < m; j++) row.append(',').append(number(run.weight(t, j)));
                    } else {
                        row.append(",".repeat(2 + m));
                    }
                    line(out, row.toString());
                }
            }
        });
    }

    public void writeJson(ExperimentResult result, Path file) {
        ExperimentReport report = ExperimentReport.of(result, info);
        AtomicFiles.writeText(file, out -> {
            MAPPER.writeValue(new NonClosingWriter(out), report);
            out.write(System.lineSeparator());
        });
    }

    /** Reads a {@value #JSON} file back. */
    public static ExperimentReport readJson(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), ExperimentReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results " + file + ": " + e.getMessage(), e);
        }
    }

    private static void line(Writer out, String text) throws IOException {
        out.write(text);
        out.write('\n');
    }

    static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Jackson closes the writer it is given; the atomic writer must stay open until the move. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
