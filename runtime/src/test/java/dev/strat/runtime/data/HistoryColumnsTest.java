package dev.strat.runtime.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HistoryColumnsTest {

    private final MarketData market = SyntheticMarkets.gbm(5, 60, 11);

    @Test
    void aColumnViewReadsOnlyItsColumnsAtTheRootsBar() {
        History.Cursor cursor = History.cursor(market, 20);
        History view = cursor.view().columns(new int[]{3, 1});
        assertEquals(2, view.assets());
        assertEquals(List.of(market.symbols().get(3), market.symbols().get(1)), view.symbols());
        assertEquals(market.close(20, 3), view.close(0, 0));
        assertEquals(market.close(18, 1), view.close(2, 1));
        assertEquals(market.relative(20, 3), view.relative(0, 0));
        double[] rel = new double[2];
        view.relatives(1, rel);
        assertArrayEquals(new double[]{market.relative(19, 3), market.relative(19, 1)}, rel);
        view.closes(0, rel);
        assertArrayEquals(new double[]{market.close(20, 3), market.close(20, 1)}, rel);
        // the other columns do not exist in the view
        assertThrows(IndexOutOfBoundsException.class, () -> view.close(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> view.relative(0, -1));
        assertThrows(LookAheadException.class, () -> view.close(-1, 0));
        // it follows the cursor of its root
        cursor.advanceTo(40);
        assertEquals(40, view.now());
        assertEquals(market.close(40, 3), view.close(0, 0));
        assertThrows(LookAheadException.class, () -> view.close(-1, 1));
    }

    @Test
    void viewsOfViewsMapToTheMarketsColumns() {
        History.Cursor cursor = History.cursor(market, 30);
        History inner = cursor.view().columns(new int[]{4, 0, 2}).columns(new int[]{2, 0});
        assertEquals(List.of(market.symbols().get(2), market.symbols().get(4)), inner.symbols());
        assertEquals(market.close(30, 2), inner.close(0, 0));
        assertEquals(market.close(29, 4), inner.close(1, 1));
        cursor.advanceTo(31);
        assertEquals(market.close(31, 4), inner.close(0, 1));
    }

    @Test
    void badColumnsAreRejected() {
        History h = History.cursor(market, 10).view();
        assertThrows(IllegalArgumentException.class, () -> h.columns(new int[]{5}));
        assertThrows(IllegalArgumentException.class, () -> h.columns(new int[]{1, 1}));
    }

    @Test
    void theRootViewRefusesAssetsPastTheLastOne() {
        // row-major storage: asset N of bar t would be asset 0 of bar t + 1, a look-ahead
        History h = History.cursor(market, 10).view();
        assertThrows(IndexOutOfBoundsException.class, () -> h.close(0, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> h.relative(0, -1));
    }
}
