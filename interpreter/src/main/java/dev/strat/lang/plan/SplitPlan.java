package dev.strat.lang.plan;

import dev.strat.runtime.data.DateRange;
import dev.strat.runtime.data.TimeLength;

import java.time.LocalDate;
import java.util.Optional;

/** How an experiment's data divides into training, validation and test periods. */
public sealed interface SplitPlan {

    /** The default split: no training, the whole data is the test period. */
    static SplitPlan wholeDataAsTest() {
        return new Fixed(Optional.empty(), Optional.empty(), DateRange.all());
    }

    /**
     * Fixed periods, ordered train before valid before test and not overlapping. Open ends are
     * null in the ranges and mean the first or last date of the data.
     */
    record Fixed(Optional<DateRange> train, Optional<DateRange> valid, DateRange test) implements SplitPlan { }

    /**
     * Walk-forward windows: train on {@code train}, test on the following {@code test}, then move on
     * by {@code test}, from {@code from} (or the data's first date, when null) to {@code to} (or its
     * last date, when null). With {@code expanding} every training block starts at the first date.
     * {@code valid} (or null) is kept from the end of each training block to select models on;
     * {@code retrain} is {@code scratch} (a fresh model per window) or {@code continue} (each window
     * starts from the previous window's model).
     */
    record Rolling(TimeLength train, TimeLength test, boolean expanding, LocalDate from, LocalDate to, TimeLength valid,
                   String retrain) implements SplitPlan {

        public Rolling(TimeLength train, TimeLength test, boolean expanding, LocalDate from, LocalDate to) {
            this(train, test, expanding, from, to, null, "scratch");
        }
    }
}
