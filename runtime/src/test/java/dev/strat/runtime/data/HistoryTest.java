package dev.strat.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void refusesLookAhead() {
        MarketData m = SyntheticMarkets.gbm(2, 50, 3);
        History.Cursor cursor = History.cursor(m, 10);
        History h = cursor.view();
        assertEquals(m.close(10, 1), h.close(0, 1));
        assertEquals(m.close(7, 0), h.close(3, 0));
        assertThrows(LookAheadException.class, () -> h.close(-1, 0));
        assertThrows(LookAheadException.class, () -> h.relative(-2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> h.close(11, 0));
        double[] w = new double[11];
        h.closeWindow(0, 11, w);
        assertEquals(m.close(0, 0), w[0]);
        assertEquals(m.close(10, 0), w[10]);
        cursor.advanceTo(49);
        assertEquals(m.close(49, 0), h.close(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> cursor.advanceTo(50));
    }
}
