package dev.strat.runtime.rl.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strat.runtime.data.History;
import dev.strat.runtime.data.MarketData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormaliserTest {

    @Test
    void fitUsesOnlyTheTrainRange() {
        MarketData market = Fixtures.market();
        int first = 100, last = 300; // after ta(all)'s warm-up (cci(88))
        Normaliser a = Normaliser.fit(new Observations(Fixtures.allFeatures(), market.assets()), market, first, last);
        // Garbage from bar `last` on (the first bar after the train range's last decision) changes nothing...
        MarketData later = Fixtures.garbageAfter(market, last - 1, 99);
        Normaliser b = Normaliser.fit(new Observations(Fixtures.allFeatures(), market.assets()), later, first, last);
        for (int k = 0; k < a.size(); k++) {
            assertEquals(a.mean(k), b.mean(k), 0, "mean " + k);
            assertEquals(a.std(k), b.std(k), 0, "std " + k);
        }
        // ... while garbage at the last decision bar does change it (the comparison above can fail).
        MarketData inside = Fixtures.garbageAfter(market, last - 2, 99);
        Normaliser c = Normaliser.fit(new Observations(Fixtures.allFeatures(), market.assets()), inside, first, last);
        boolean differs = false;
        for (int k = 0; k < a.size() && !differs; k++) differs = a.mean(k) != c.mean(k);
        assertEquals(true, differs);
    }

    @Test
    void fitGivesZeroMeanUnitStdOnTheTrainRangeAndFloorsConstants() {
        MarketData market = Fixtures.market();
        Observations obs = new Observations(List.of(Features.returns(3), Features.weights(), Features.logWealth()), market.assets());
        int first = 10, last = 210;
        Normaliser norm = Normaliser.fit(obs, market, first, last);
        int size = obs.size();
        double[] sum = new double[size], sum2 = new double[size];
        float[] x = new float[size];
        double[] cash = new double[market.assets() + 1];
        cash[market.assets()] = 1;
        History.Cursor cursor = History.cursor(market, first);
        for (int t = first; t < last; t++) {
            cursor.advanceTo(t);
            obs.write(cursor.view(), new AccountState(cash, 5, 5), x);
            norm.apply(x);
            for (int k = 0; k < size; k++) {
                sum[k] += x[k];
                sum2[k] += x[k] * x[k];
            }
        }
        int count = last - first;
        int tensor = obs.layout().tensorSize();
        for (int k = 0; k < size; k++) {
            boolean constant = k % (market.assets() + 1) == market.assets() && k < tensor || k >= tensor;
            double mean = sum[k] / count;
            assertEquals(0, mean, 1e-5, obs.elementLabel(k));
            if (constant) {
                assertEquals(1.0, norm.std(k), 0, "floored std for " + obs.elementLabel(k));
            } else {
                // Clipping at 10 could only shrink the spread; daily returns stay well inside.
                assertEquals(1, Math.sqrt((sum2[k] - count * mean * mean) / (count - 1)), 1e-4, obs.elementLabel(k));
            }
        }
    }

    @Test
    void applyClipsAndRoundTripsThroughStreams() throws IOException {
        MarketData market = Fixtures.market();
        Observations obs = new Observations(List.of(Features.covariance(21)), market.assets());
        Normaliser norm = Normaliser.fit(obs, market, 30, 200);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        norm.save(new DataOutputStream(bytes));
        Normaliser back = Normaliser.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        float[] x = new float[obs.size()];
        for (int k = 0; k < x.length; k++) x[k] = (float) (norm.mean(k) + (k - 10) * norm.std(k));
        float[] y = x.clone();
        norm.apply(x);
        back.apply(y);
        assertArrayEquals(x, y);
        assertEquals(-10f, x[0]);
        assertEquals(0f, x[10], 1e-4f);
        assertEquals(10f, x[x.length - 1]);

        float[] z = {3f, -25f};
        Normaliser.identity(2).apply(z);
        assertArrayEquals(new float[] {3f, -10f}, z);
        assertThrows(IOException.class, () -> Normaliser.load(new DataInputStream(new ByteArrayInputStream(new byte[8]))));
    }

    @Test
    void fitRefusesARangeInsideTheWarmup() {
        MarketData market = Fixtures.market();
        Observations obs = new Observations(List.of(Features.returns(5)), market.assets());
        assertThrows(IllegalArgumentException.class, () -> Normaliser.fit(obs, market, 4, 100));
        assertNotEquals(null, Normaliser.fit(obs, market, 5, 100));
    }
}
