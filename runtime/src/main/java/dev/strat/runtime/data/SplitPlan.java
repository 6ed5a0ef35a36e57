package dev.strat.runtime.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named date ranges (train, valid, test...) resolved to bar ranges of one market. Parts must be
 * in time order and must not share a bar. A range that reaches past either end of the data is
 * cut to it, with a warning when it reaches more than a week past (so that {@code 2000..2002} on
 * data starting Monday 2000-01-03 stays quiet); a range wholly outside the data, or holding no
 * bar, is an error.
 *
 * @param market   name of the market the plan was resolved on
 * @param parts    the parts in time order
 * @param warnings notes on ranges that were cut to the data
 */
public record SplitPlan(String market, List<Part> parts, List<String> warnings) {

    /**
     * One part of a split.
     *
     * @param name  what the user called it
     * @param dates the dates as written
     * @param bars  the bars they cover
     */
    public record Part(String name, DateRange dates, BarRange bars) {}

    /** How far (calendar days) a range may reach past the data before the cut is worth a warning. */
    private static final int SLACK_DAYS = 7;

    public SplitPlan {
        parts = List.copyOf(parts);
        warnings = List.copyOf(warnings);
    }

    /** The usual train / valid / test split; {@code valid} may be null. */
    public static SplitPlan of(MarketData market, DateRange train, DateRange valid, DateRange test) {
        Map<String, DateRange> ranges = new LinkedHashMap<>();
        ranges.put("train", train);
        if (valid != null) ranges.put("valid", valid);
        ranges.put("test", test);
        return resolve(market, ranges);
    }

    /** Resolves named ranges, given in their intended time order. */
    public static SplitPlan resolve(MarketData market, Map<String, DateRange> ranges) {
        if (ranges.isEmpty()) throw new DataException("a split needs at least one part");
        if (market.bars() == 0) throw new DataException("market " + market.name() + " has no bars to split");
        LocalDate first = market.date(0), last = market.date(market.bars() - 1);
        String span = market.name() + " has data from " + first + " to " + last;
        List<Part> parts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Map.Entry<String, DateRange> e : ranges.entrySet()) {
            String name = e.getKey();
            DateRange r = e.getValue();
            if (r.to() != null && r.to().isBefore(first)) {
                throw new DataException(name + " " + r + " ends before the data starts: " + span);
            }
            if (r.from() != null && r.from().isAfter(last)) {
                throw new DataException(name + " " + r + " starts after the data ends: " + span);
            }
            int from = r.from() == null ? 0 : market.indexAtOrAfter(r.from());
            int to = r.to() == null ? market.bars() : market.indexAtOrAfter(r.to().plusDays(1));
            if (from >= to) throw new DataException(name + " " + r + " contains no bar: " + span);
            if (r.from() != null && r.from().isBefore(first.minusDays(SLACK_DAYS))) {
                warnings.add(name + " " + r + " starts before the data; it begins at the first bar, " + first);
            }
            if (r.to() != null && r.to().isAfter(last.plusDays(SLACK_DAYS))) {
                warnings.add(name + " " + r + " runs past the data; it ends at the last bar, " + last);
            }
            Part part = new Part(name, r, new BarRange(from, to));
            if (!parts.isEmpty()) {
                Part prev = parts.get(parts.size() - 1);
                if (part.bars().from() < prev.bars().from()) {
                    throw new DataException(name + " " + r + " comes before " + prev.name() + " " + prev.dates()
                            + ": list the parts of a split in time order");
                }
                if (part.bars().from() < prev.bars().to()) {
                    throw new DataException(name + " " + r + " overlaps " + prev.name() + " " + prev.dates() + " (they share "
                            + (prev.bars().to() - part.bars().from()) + " bars from " + market.date(part.bars().from())
                            + "): the parts of a split must not overlap");
                }
            }
            parts.add(part);
        }
        return new SplitPlan(market.name(), parts, warnings);
    }

    /** The part of that name, if any. */
    public Optional<Part> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The bars of the named part; throws when the split has no such part. */
    public BarRange bars(String name) {
        return part(name).map(Part::bars).orElseThrow(() -> new DataException("the split has no part " + name + "; it has "
                + String.join(", ", parts.stream().map(Part::name).toList())));
    }
}
