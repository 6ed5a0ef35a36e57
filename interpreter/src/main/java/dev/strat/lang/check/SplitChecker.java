package dev.strat.lang.check;

import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.SplitSpec;
import dev.strat.lang.diag.Span;
import dev.strat.runtime.data.DateRange;
import dev.strat.lang.plan.SplitPlan;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Value;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks fixed and rolling splits. A period is a year ({@code 2018}: the whole year), a month
 * ({@code 2018-03}), a date, or a range of them ({@code 2015..2017} = 2015-01-01..2017-12-31);
 * the first part may have an open start and the last an open end. Parts are ordered train,
 * valid, test, must not overlap, and test is required.
 */
final class SplitChecker {

    enum Role {
        TRAIN("train"), VALID("valid"), TEST("test");

        final String word;

        Role(String word) {
            this.word = word;
        }
    }

    /** A checked period with what the data-range checks need to report it. */
    record Period(String label, DateRange range, Span span) { }

    /** A checked split and its periods (or rolling bounds) for the data-range checks. */
    record Checked(SplitPlan plan, List<Period> periods) { }

    private static final List<Param> ROLLING = List.of(
            Param.of(ParamSpec.required("train", new ParamType.Length(), Double.NaN, Double.NaN, "training window")),
            Param.of(ParamSpec.required("test", new ParamType.Length(), Double.NaN, Double.NaN, "test window")),
            Param.of(ParamSpec.optional("expanding", new ParamType.Bool(), new Value.Bool(false), Double.NaN, Double.NaN,
                    "keep every training block anchored at the first date")),
            Param.custom("from", false, SplitChecker::dateOrYear),
            Param.custom("to", false, SplitChecker::dateOrYear),
            Param.optional(ParamSpec.optional("valid", new ParamType.Length(), null, Double.NaN, Double.NaN,
                    "kept from the end of each training block to select learners' models on")),
            Param.of(ParamSpec.optional("retrain", new ParamType.Choice(List.of("scratch", "continue")), new Value.Word("scratch"),
                    Double.NaN, Double.NaN, "a fresh model per window, or each window continuing the previous one's")));
    private static final String ROLLING_SIGNATURE = "rolling(train=2y, test=1mo, expanding=false, from=2021-01-01, to=2021-12-31, "
            + "valid=3mo, retrain=scratch)";

    private final Reporter r;

    SplitChecker(Reporter r) {
        this.r = r;
    }

    Optional<Checked> check(SplitSpec spec) {
        return switch (spec) {
            case SplitSpec.Fixed f -> fixed(f);
            case SplitSpec.Rolling ro -> rolling(ro);
            case SplitSpec.Named n -> throw new IllegalArgumentException("named splits are resolved by the caller");
        };
    }

    private Optional<Checked> fixed(SplitSpec.Fixed f) {
        Map<Role, Period> parts = new EnumMap<>(Role.class);
        Map<Role, Span> roleSpans = new EnumMap<>(Role.class);
        boolean ok = true;
        for (SplitSpec.Part part : f.parts()) {
            String word = part.role().name();
            Optional<Role> role = java.util.Arrays.stream(Role.values()).filter(x -> x.word.equals(word)).findFirst();
            if (role.isEmpty()) {
                r.unknownOrList(part.role().span(), "unknown split part '" + word + "'", word, List.of("train", "valid", "test"), "parts");
                ok = false;
                continue;
            }
            if (parts.containsKey(role.get()) || roleSpans.containsKey(role.get())) {
                r.error(part.role().span(), "'" + word + "' is given twice in this split",
                        "first given at " + roleSpans.get(role.get()).location());
                ok = false;
                continue;
            }
            roleSpans.put(role.get(), part.role().span());
            Optional<DateRange> range = period(part.period());
            if (range.isEmpty()) {
                ok = false;
                continue;
            }
            parts.put(role.get(), new Period(word + " " + AstText.expr(part.period()), range.get(), part.period().span()));
        }
        boolean unknownRole = f.parts().stream().anyMatch(part -> java.util.Arrays.stream(Role.values())
                .noneMatch(x -> x.word.equals(part.role().name())));
        if (!roleSpans.containsKey(Role.TEST) && !unknownRole) {
            r.error(f.span(), "a split needs a test period", "e.g. split s = train 2015..2017, valid 2018, test 2019");
            ok = false;
        }
        List<Period> ordered = new ArrayList<>(parts.values());
        for (int k = 0; k < ordered.size(); k++) {
            Period p = ordered.get(k);
            if (k > 0 && p.range().from() == null) {
                r.error(p.span(), p.label() + " has an open start, but only the first part may", "write its first date");
                ok = false;
            }
            if (k < ordered.size() - 1 && p.range().to() == null) {
                r.error(p.span(), p.label() + " has an open end, but only the last part may", "write its last date");
                ok = false;
            }
        }
        for (int k = 1; k < ordered.size(); k++) {
            Period a = ordered.get(k - 1), b = ordered.get(k);
            if (a.range().to() == null || b.range().from() == null) continue;
            if (b.range().to() != null && a.range().from() != null && b.range().to().isBefore(a.range().from())) {
                r.error(b.span(), b.label() + " comes before " + a.label(), "periods must be in the order train, valid, test");
                ok = false;
            } else if (!a.range().to().isBefore(b.range().from())) {
                r.error(b.span(), a.label() + " overlaps " + b.label(),
                        a.label().substring(0, a.label().indexOf(' ')) + " ends " + a.range().to() + ", "
                                + b.label().substring(0, b.label().indexOf(' ')) + " starts " + b.range().from());
                ok = false;
            }
        }
        if (!ok) return Optional.empty();
        SplitPlan plan = new SplitPlan.Fixed(Optional.ofNullable(parts.get(Role.TRAIN)).map(Period::range),
                Optional.ofNullable(parts.get(Role.VALID)).map(Period::range), parts.get(Role.TEST).range());
        return Optional.of(new Checked(plan, ordered));
    }

    /** A year, month, date or range of them as an inclusive date range. */
    Optional<DateRange> period(Expr e) {
        if (e instanceof Expr.Range range) {
            if (range.from() == null && range.to() == null) {
                r.error(range.span(), "a period needs at least one end", "e.g. 2015..2017, ..2021-06-30 or 2021-07-01..");
                return Optional.empty();
            }
            Optional<LocalDate> from = range.from() == null ? Optional.empty() : bound(range.from(), true);
            Optional<LocalDate> to = range.to() == null ? Optional.empty() : bound(range.to(), false);
            if (range.from() != null && from.isEmpty() || range.to() != null && to.isEmpty()) return Optional.empty();
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                r.error(range.span(), "period " + AstText.expr(range) + " ends before it starts");
                return Optional.empty();
            }
            return Optional.of(new DateRange(from.orElse(null), to.orElse(null)));
        }
        Optional<LocalDate> from = bound(e, true);
        if (from.isEmpty()) return Optional.empty();
        return Optional.of(new DateRange(from.get(), bound(e, false).orElseThrow()));
    }

    /** The first ({@code start}) or last day of a year, month or date. */
    private Optional<LocalDate> bound(Expr e, boolean start) {
        switch (e) {
            case Expr.Number n when n.integral() && !n.percent() && n.value() >= 1900 && n.value() <= 2200 -> {
                int year = (int) n.value();
                return Optional.of(start ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31));
            }
            case Expr.Number n -> {
                r.error(n.span(), "expected a year between 1900 and 2200 or a date, got " + n.text());
                return Optional.empty();
            }
            case Expr.Date d -> {
                if (d.precision() == Expr.Date.Precision.MONTH) {
                    YearMonth ym = YearMonth.from(d.date());
                    return Optional.of(start ? ym.atDay(1) : ym.atEndOfMonth());
                }
                return Optional.of(d.date());
            }
            default -> {
                r.error(e.span(), "expected a year, a date or a range of them, not " + AstText.describe(e) + " '" + AstText.expr(e) + "'");
                return Optional.empty();
            }
        }
    }

    private Optional<Checked> rolling(SplitSpec.Rolling ro) {
        Expr.Call call = ro.call();
        if (!call.callee().name().equals("rolling")) {
            r.unknown(call.callee().span(), "unknown split '" + call.callee().name() + "'", call.callee().name(), List.of("rolling"));
            return Optional.empty();
        }
        Optional<Map<String, Value>> bound = ArgumentBinder.bind("rolling", ROLLING_SIGNATURE, call.callee().span(), call.args(), ROLLING, r);
        if (bound.isEmpty()) return Optional.empty();
        Map<String, Value> v = bound.get();
        var train = ((Value.Length) v.get("train")).length();
        var test = ((Value.Length) v.get("test")).length();
        boolean expanding = ((Value.Bool) v.get("expanding")).value();
        LocalDate from = date(v.get("from"), true);
        LocalDate to = date(v.get("to"), false);
        List<Period> periods = new ArrayList<>();
        if (from != null) periods.add(new Period("rolling from " + from, new DateRange(from, null), ArgumentBinder.valueSpan(call.args(), ROLLING, "from", call.span())));
        if (to != null) periods.add(new Period("rolling to " + to, new DateRange(null, to), ArgumentBinder.valueSpan(call.args(), ROLLING, "to", call.span())));
        if (from != null && to != null && to.isBefore(from)) {
            r.error(ArgumentBinder.valueSpan(call.args(), ROLLING, "to", call.span()), "rolling 'to' " + to + " is before 'from' " + from);
            return Optional.empty();
        }
        var valid = v.get("valid") instanceof Value.Length l ? l.length() : null;
        String retrain = v.get("retrain") instanceof Value.Word w ? w.name() : v.get("retrain") instanceof Value.Str st ? st.text() : "scratch";
        return Optional.of(new Checked(new SplitPlan.Rolling(train, test, expanding, from, to, valid, retrain), periods));
    }

    private static LocalDate date(Value v, boolean start) {
        if (v instanceof Value.Date d) return d.date();
        if (v instanceof Value.Num n) return start ? LocalDate.of((int) n.value(), 1, 1) : LocalDate.of((int) n.value(), 12, 31);
        return null;
    }

    private static Optional<String> dateOrYear(Value v) {
        if (v instanceof Value.Date) return Optional.empty();
        if (v instanceof Value.Num n && n.integral() && !n.percent() && n.value() >= 1900 && n.value() <= 2200) return Optional.empty();
        return Optional.of("expected a date or a year, got " + v.typeName() + " " + v.render());
    }
}
