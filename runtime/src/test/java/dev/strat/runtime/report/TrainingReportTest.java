package dev.strat.runtime.report;

import dev.strat.runtime.experiment.TrainingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingReportTest {

    static ReportData withTraining(ReportData d, List<TrainingCurves> curves) {
        return new ReportData(d.title(), d.subtitle(), d.settings(), d.metricColumns(), d.table(), d.series(),
                d.periodsPerYear(), d.notes(), curves);
    }

    static double[] rising(int n, double noise) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) r[i] = -1 + i / (double) n + noise * Math.sin(i * 1.7);
        return r;
    }

    @Test
    void drawsTrainingCurvesWhenStrategiesWereTrained(@TempDir Path tmp) throws Exception {
        ReportData base = Synthetic.data(List.of("td3", "ppo", "ucrp"), List.of("td3", "ppo", "ucrp"), 300, 4);
        ReportData data = withTraining(base, List.of(
                new TrainingCurves("td3", rising(400, 0.2), new double[] {0.1, 0.4, 0.35, 0.6}, "sharpe"),
                new TrainingCurves("ppo", rising(120, 0.1), new double[] {0.2, Double.NaN, 0.3}, "sharpe")));
        List<Path> files = ReportWriter.write(data, tmp);

        for (String name : List.of("training-reward.svg", "training-validation.svg")) {
            assertTrue(files.contains(tmp.resolve(name)), name + " written");
            String svg = Files.readString(tmp.resolve(name));
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertTrue(svg.contains("td3") && svg.contains("ppo"), name + " has both strategies in its legend");
            assertFalse(svg.contains(">ucrp<"), name + " draws only trained strategies");
        }
        String html = Files.readString(tmp.resolve("index.html"));
        assertTrue(html.contains("<a href=\"#training\">Training</a>"), "navigation links the section");
        assertTrue(html.contains("<section id=\"training\">"));
        assertTrue(html.contains("<figure id=\"training-reward\">"));
        assertTrue(html.contains("<figure id=\"training-validation\">"));
        assertTrue(Files.readString(tmp.resolve("training-validation.svg"))
                .contains(">sharpe on the validation split after each epoch</text>"), "the chart names the metric");
    }

    @Test
    void noTrainingSectionWithoutCurves(@TempDir Path tmp) throws Exception {
        ReportData data = Synthetic.data(List.of("ucrp"), List.of("ucrp"), 200, 3);
        List<Path> files = ReportWriter.write(data, tmp);
        String html = Files.readString(tmp.resolve("index.html"));
        assertFalse(html.contains("id=\"training"));
        assertFalse(files.contains(tmp.resolve("training-reward.svg")));
    }

    @Test
    void curvesAreAveragedOverSeedsByIndex() {
        TrainingCurves c = ExperimentReportData.curves("rl", List.of(
                new TrainingLog(new double[] {1, 2, 3}, new double[] {0.5, 1.0}, "sharpe"),
                new TrainingLog(new double[] {3, 4}, new double[] {1.5, Double.NaN}, "sharpe")));
        assertArrayEquals(new double[] {2, 3, 3}, c.episodeRewards(), "a seed stopped early does not cut the curve");
        assertArrayEquals(new double[] {1.0, 1.0}, c.validation(), "NaN epochs are skipped");
        assertEquals("sharpe", c.metricName());
    }

    @Test
    void trailingMeanSkipsNaNs() {
        assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5, 4}, SeriesMath.trailingMean(new double[] {1, 2, 3, 4, Double.NaN}, 2));
    }

    @Test
    void oneSetOfCurvesPerStrategy() {
        ReportData base = Synthetic.data(List.of("td3"), List.of("td3"), 100, 2);
        TrainingCurves c = new TrainingCurves("td3", new double[] {1}, new double[] {1}, "sharpe");
        assertThrows(IllegalArgumentException.class, () -> withTraining(base, List.of(c, c)));
    }
}
