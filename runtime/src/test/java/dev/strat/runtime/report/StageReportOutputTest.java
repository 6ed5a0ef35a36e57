package dev.strat.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strat.runtime.backtest.BacktestConfig;
import dev.strat.runtime.backtest.BacktestResult;
import dev.strat.runtime.backtest.TestStages;
import dev.strat.runtime.data.DateRange;
import dev.strat.runtime.data.MarketData;
import dev.strat.runtime.data.WalkForward;
import dev.strat.runtime.experiment.ExperimentReport;
import dev.strat.runtime.experiment.ExperimentResult;
import dev.strat.runtime.experiment.ExperimentRunner;
import dev.strat.runtime.experiment.ExperimentSpec;
import dev.strat.runtime.experiment.NamedStrategy;
import dev.strat.runtime.experiment.Protocol;
import dev.strat.runtime.experiment.ResultWriter;
import dev.strat.runtime.experiment.RunInfo;
import dev.strat.runtime.experiment.TableRenderer;
import dev.strat.runtime.experiment.TrainStep;
import dev.strat.runtime.experiment.TrainingLog;
import dev.strat.runtime.metrics.MetricId;
import dev.strat.runtime.metrics.MetricOptions;
import dev.strat.runtime.pipeline.Decision;
import dev.strat.runtime.pipeline.ReportSink;
import dev.strat.runtime.pipeline.RunSetup;
import dev.strat.runtime.pipeline.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageReportOutputTest {

    static final MarketData MARKET = dev.strat.runtime.data.RandomWalkMarket.of(3, 300, 11);
    static final List<String> MEMBERS = List.of("alpha", "beta", "gamma");

    /**
     * A stand-in for a switcher: holds one asset at a time, changes every 25 decisions, reports the
     * member it chose (categorical), a numeric score, and counts its switches.
     */
    static Stage switcher() {
        return new Stage() {
            private ReportSink sink;
            private int last = -1;

            @Override
            public String label() {
                return "switch(alpha, beta, gamma)";
            }

            @Override
            public void reset(RunSetup setup) {
                sink = setup.reports().scoped("switch");
                sink.categories("choice", MEMBERS);
                last = -1;
            }

            @Override
            public void propose(Decision decision, double[] out) {
                int choice = (decision.step() / 25) % 3;
                sink.series("choice", decision.step(), choice);
                sink.series("score", decision.step(), 0.01 * decision.step());
                if (choice != last) sink.count("switches", 1);
                last = choice;
                java.util.Arrays.fill(out, 0);
                out[choice] = 1;
            }
        };
    }

    static ExperimentResult run() {
        NamedStrategy learner = NamedStrategy.trained("sw", "switch", (run, market, previous) ->
                new TrainStep.Trained(switcher(), new TrainingLog(new double[] {1}, new double[0], "sharpe")));
        NamedStrategy ucrp = new NamedStrategy("ucrp", "ucrp", seed -> TestStages.constant("ucrp", 0.25, 0.25, 0.25, 0.25));
        Protocol.WalkForward wf = Protocol.WalkForward.of(WalkForward.windows(MARKET, 100, 60, DateRange.all(), false),
                Protocol.Retrain.SCRATCH, 0);
        ExperimentSpec spec = new ExperimentSpec("stages", MARKET, wf, List.of(learner, ucrp), ExperimentSpec.seeds(2),
                new BacktestConfig(1e6, 0.001, 0, 0), List.of(MetricId.ANNUAL_RETURN, MetricId.SHARPE), MetricOptions.DEFAULT,
                Optional.empty());
        return new ExperimentRunner(2).run(spec);
    }

    @Test
    void windowsReportsAreConcatenatedAndCountersSummed() {
        ExperimentResult result = run();
        BacktestResult sw = result.strategy("sw").firstRun();
        double[] choice = sw.reports().series().get("switch/choice");
        assertEquals(sw.periods(), choice.length);
        assertEquals(MEMBERS, sw.reports().categoriesOf("switch/choice"));
        // each 60-bar window restarts its switcher at step 0: alpha, beta, gamma (10 steps)
        assertEquals(0, choice[0]);
        assertEquals(1, choice[25]);
        assertEquals(2, choice[50]);
        assertEquals(0, choice[60]);
        // windows of 60 decisions switch 3 times; the last (bars 280..299, 19 decisions) only once
        assertEquals(3 * 3 + 1L, sw.reports().counters().get("switch/switches"));
        assertTrue(result.strategy("ucrp").firstRun().reports().isEmpty());
        String table = new TableRenderer().render(result);
        assertTrue(table.contains("walk-forward: 4 windows, train 100 bars, test 60 bars, retrain scratch"), table);
        assertTrue(table.contains("per window: sharpe (mean over seeds)"), table);
    }

    @Test
    void aCategoricalSeriesReachesResultsJsonAndTheHtmlReport(@TempDir Path tmp) throws Exception {
        ExperimentResult result = run();
        new ResultWriter(RunInfo.NONE).writeAll(result, tmp);

        JsonNode json = new ObjectMapper().readTree(tmp.resolve(ResultWriter.JSON).toFile());
        assertEquals("walk-forward", json.get("protocol").get("kind").asText());
        assertEquals(4, json.get("protocol").get("windows").size());
        JsonNode sw = json.get("strategies").get(0);
        assertEquals(4, sw.get("windows").size());
        assertTrue(sw.get("windows").get(2).get("metrics").get("sharpe").get("perSeed").get(1).isNumber());
        JsonNode choice = sw.get("reports").get("series").get(0);
        assertEquals("switch/choice", choice.get("name").asText());
        assertEquals(MEMBERS, new ObjectMapper().convertValue(choice.get("labels"), List.class));
        // a step series keeps exactly its change points (3 + 3 + 3 + 1), plus the last step
        assertEquals(11, choice.get("steps").size());
        assertEquals(List.of(0, 25, 50, 60), List.of(choice.get("steps").get(0).asInt(), choice.get("steps").get(1).asInt(),
                choice.get("steps").get(2).asInt(), choice.get("steps").get(3).asInt()));
        assertEquals(2.0, choice.get("values").get(2).asDouble());
        assertEquals("[10,10]", sw.get("reports").get("counters").get("switch/switches").toString());
        JsonNode ucrp = json.get("strategies").get(1);
        assertEquals(0, ucrp.get("reports").get("series").size());
        // the file still reads back as an ExperimentReport
        ExperimentReport back = ResultWriter.readJson(tmp.resolve(ResultWriter.JSON));
        assertEquals("scratch", back.protocol().retrain());
        assertEquals(List.of(10L, 10L), back.strategies().get(0).reports().counters().get("switch/switches"));

        ReportData data = ExperimentReportData.of(result, Map.of(), List.of());
        assertEquals(1, data.stageReports().size(), "ucrp reported nothing and is left out");
        Path dir = tmp.resolve("report");
        List<Path> files = ReportWriter.write(data, dir);
        assertTrue(files.contains(dir.resolve("stage-sw-switch_choice.svg")), files.toString());
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<a href=\"#stages\">Stage reports</a>"));
        assertTrue(html.contains("<table id=\"counters\">"));
        assertTrue(html.contains("<th class=\"num\">switch/switches</th>"));
        assertTrue(html.contains("<td class=\"num\">10</td>"), "mean over both seeds");
        int at = html.indexOf("<figure id=\"stage-sw-switch_choice\">");
        assertTrue(at > 0, "categorical chart on the page");
        String figure = html.substring(at, html.indexOf("</figure>", at));
        assertTrue(figure.contains("<img src=\"stage-sw-switch_choice.svg\""), "the page shows the chart's file");
        String svg = Files.readString(dir.resolve("stage-sw-switch_choice.svg"));
        for (String label : MEMBERS) assertTrue(svg.contains(">" + label + "<"), label + " is a y tick");
        ReportWriterTest.parse(svg);
        assertTrue(html.contains("<figure id=\"stage-sw-switch_score\">"));

        // the chart's data: a step line through the change points, y on the labels' axis
        JFreeChart chart = new ReportCharts(Palette.forStrategies(List.of("sw"))).stageSeries("sw", "switch/choice",
                data.stageReports().get(0).epochSeconds(), result.strategy("sw").firstRun().reports().series().get("switch/choice"),
                MEMBERS).orElseThrow();
        String preview = System.getProperty("strat.report.preview");
        if (preview != null) {
            Files.createDirectories(Path.of(preview));
            org.jfree.chart.ChartUtils.saveChartAsPNG(Path.of(preview, "stage-choice.png").toFile(), chart, ReportWriter.WIDTH, 216);
        }
        XYPlot plot = chart.getXYPlot();
        assertEquals(11, plot.getDataset().getItemCount(0));
        assertArrayEquals(MEMBERS.toArray(), ((SymbolAxis) plot.getRangeAxis()).getSymbols());
    }

    @Test
    void aReportWithoutStageReportsHasNoStageSection(@TempDir Path tmp) throws Exception {
        ReportData data = Synthetic.data(List.of("a", "b"), List.of("a", "b"), 100, 1);
        ReportWriter.write(data, tmp);
        String html = Files.readString(tmp.resolve("index.html"));
        assertFalse(html.contains("id=\"stages\""));
        assertFalse(html.contains("Stage reports"));
    }
}
