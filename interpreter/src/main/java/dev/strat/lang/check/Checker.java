package dev.strat.lang.check;

import dev.strat.stdlib.Registry;
import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Ident;
import dev.strat.lang.ast.Setting;
import dev.strat.lang.ast.SplitSpec;
import dev.strat.lang.ast.Program;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import dev.strat.lang.load.ProgramParser;
import dev.strat.lang.load.ImportResolver;
import dev.strat.lang.plan.CostPlan;
import dev.strat.lang.plan.ExperimentPlan;
import dev.strat.lang.plan.MarketPlan;
import dev.strat.lang.plan.PipelinePlan;
import dev.strat.lang.plan.ProgramPlan;
import dev.strat.lang.plan.SplitPlan;
import dev.strat.lang.plan.StrategyPlan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The resolve-and-check pass: loads imports, builds the namespace, checks every declaration of
 * every file and plans the program. All errors of all files are reported at once; checking goes
 * on after an error, and what depends on a broken declaration is skipped rather than reported again.
 *
 * <p>Costs and capital declared anywhere apply to every experiment; experiments of imported files
 * are checked but only the main file's experiments and backtests are planned.
 */
public final class Checker {

    private Checker() {
    }

    public static CheckResult check(Program program, CheckContext context) {
        return new Run(context).check(program, List.of());
    }

    /**
     * Checks a REPL entry in the context of the entries before it: their definitions are visible,
     * a name the entry defines again replaces the earlier definition (as do {@code costs} and
     * {@code capital}), and only the entry's own experiments and backtests are planned. The plan
     * holds the definitions of all entries.
     *
     * @param earlier earlier entries, oldest first; they should have checked without errors
     */
    public static CheckResult check(Program entry, List<Program> earlier, CheckContext context) {
        return new Run(context).check(entry, earlier);
    }

    /**
     * Parses and checks a source text: syntax errors and semantic errors together, the plan only
     * when there are none. Declarations broken by a syntax error are left out of the check.
     */
    public static CheckResult check(Source source, CheckContext context) {
        ProgramParser.Parsed parsed = context.parser().parse(source);
        CheckResult checked = check(parsed.program(), context);
        List<Diagnostic> all = new ArrayList<>(parsed.diagnostics());
        // where the parser already explained a token, a second message about the same token adds nothing
        Set<Span> explained = new HashSet<>();
        parsed.diagnostics().forEach(d -> explained.add(d.span()));
        checked.diagnostics().stream().filter(d -> !explained.contains(d.span())).forEach(all::add);
        boolean errors = all.stream().anyMatch(Diagnostic::isError);
        return new CheckResult(errors ? Optional.empty() : checked.plan(), all);
    }

    private static final class Run {
        private final CheckContext context;
        private final Reporter r = new Reporter();
        private final Namespace namespace = new Namespace();

        Run(CheckContext context) {
            this.context = context;
        }

        CheckResult check(Program main, List<Program> earlier) {
            ImportResolver resolver = new ImportResolver(context.loader(), context.parser());
            ImportResolver.Resolved resolved = resolver.resolve(main);
            r.addAll(resolved.diagnostics());
            List<Decl> decls = visibleDecls(resolver, resolved.programs(), earlier);
            for (Decl d : decls) declare(d);
            resolved.programs().forEach(namespace::markBroken);
            // user functions join the built-ins before anything resolves a name
            FunctionChecker.Checked functions = new FunctionChecker(context.registry(), context.loader(), r).check(decls);
            Registry registry = functions.registry();

            Frictions frictions = frictions(decls);
            MarketChecker marketChecker = new MarketChecker(context.catalog(), r);
            Map<String, Optional<MarketPlan>> markets = new LinkedHashMap<>();
            SplitChecker splitChecker = new SplitChecker(r);
            Map<String, Optional<SplitChecker.Checked>> splits = new LinkedHashMap<>();
            PipelineResolver pipelines = new PipelineResolver(registry, namespace, r);
            Map<String, Optional<PipelinePlan>> strategies = new LinkedHashMap<>();
            for (Decl d : decls) {
                switch (d) {
                    case Decl.Market m when isFirst(m.name(), Namespace.Kind.MARKET, d) -> markets.put(m.name().name(), marketChecker.check(m));
                    case Decl.Split s when isFirst(s.name(), Namespace.Kind.SPLIT, d) && s.spec() != null ->
                            splits.put(s.name().name(), s.spec() instanceof SplitSpec.Named n ? namedInSplit(n) : splitChecker.check(s.spec()));
                    case Decl.Strategy s when isFirst(s.name(), Namespace.Kind.STRATEGY, d) -> strategies.put(s.name().name(), strategy(s, pipelines, registry));
                    case Decl.Models m when isFirst(m.name(), Namespace.Kind.MODELS, d) -> models(m, pipelines, registry);
                    default -> { }
                }
            }

            ExperimentChecker experiments = new ExperimentChecker(new ExperimentChecker.Inputs(namespace, markets, marketChecker,
                    name -> splits.getOrDefault(name, Optional.empty()), splitChecker, pipelines, frictions.costs(),
                    frictions.capital(), frictions.costsWritten()), r);
            List<ExperimentPlan> planned = new ArrayList<>();
            Set<Decl> own = identitySet(main.decls());
            Set<Decl> ran = identitySet(earlier.stream().flatMap(p -> p.decls().stream()).toList());
            for (Decl d : decls) {
                Optional<ExperimentPlan> e = switch (d) {
                    case Decl.Experiment x -> experiments.experiment(x);
                    // backtests of earlier REPL entries have run already
                    case Decl.Backtest b when !ran.contains(b) -> experiments.backtest(b);
                    default -> Optional.empty();
                };
                if (own.contains(d)) e.ifPresent(planned::add);
            }

            // what a run says before it runs (no costs, a split cut to the data, a learner's few updates) is said now
            PreRunCheck preRun = new PreRunCheck(context.catalog(), r);
            planned.forEach(preRun::check);
            // what building reports at run time (k against the universe, a pool index, lengths in bars) is reported now
            if (r.errorCount() == 0) {
                BuildCheck builds = new BuildCheck(context.catalog(), r);
                planned.forEach(p -> builds.check(p, preRun.resolvedSplit(p)));
                // with one market, a strategy no experiment uses yet is still built for it
                List<MarketPlan> only = markets.values().stream().flatMap(Optional::stream).toList();
                if (only.size() == 1) {
                    strategies.forEach((name, plan) -> plan.ifPresent(p -> builds.check(new StrategyPlan(name, p), only.get(0))));
                }
            }
            List<Diagnostic> diagnostics = r.diagnostics();
            if (r.errorCount() > 0) return new CheckResult(Optional.empty(), diagnostics);
            Map<String, SplitPlan> splitPlans = new LinkedHashMap<>();
            splits.forEach((k, v) -> v.ifPresent(c -> splitPlans.put(k, c.plan())));
            List<StrategyPlan> strategyPlans = new ArrayList<>();
            strategies.forEach((k, v) -> v.ifPresent(p -> strategyPlans.add(new StrategyPlan(k, p))));
            List<MarketPlan> marketPlans = markets.values().stream().flatMap(Optional::stream).toList();
            return new CheckResult(Optional.of(new ProgramPlan(marketPlans, splitPlans, strategyPlans, planned, registry)), diagnostics);
        }

        /**
         * The declarations in scope, in order: earlier REPL entries and their imports, each without
         * what a later entry (or the new one) defines again, then the imports of the main program,
         * then its own. Only the newest definition of a name survives, so redefining a name twice
         * does not leave two older definitions to clash.
         */
        private static List<Decl> visibleDecls(ImportResolver resolver, List<Program> mainPrograms, List<Program> earlier) {
            List<Decl> decls = new ArrayList<>();
            if (!earlier.isEmpty()) {
                Set<String> redefined = new HashSet<>();
                for (Program p : mainPrograms) for (Decl d : p.decls()) definedName(d).ifPresent(redefined::add);
                Set<String> seenFiles = new HashSet<>();
                mainPrograms.forEach(p -> seenFiles.add(p.source().name()));
                // newest first, so that each entry hides what it defines from the entries before it
                List<List<Decl>> kept = new ArrayList<>();
                for (int i = earlier.size() - 1; i >= 0; i--) {
                    Program entry = earlier.get(i);
                    List<Decl> entryDecls = new ArrayList<>();
                    Set<String> definedHere = new HashSet<>();
                    for (Program p : resolver.resolve(entry).programs()) {
                        // an imported file is read once; entries themselves may share a name such as <repl>
                        if (p != entry && !seenFiles.add(p.source().name())) continue;
                        for (Decl d : p.decls()) {
                            Optional<String> name = definedName(d);
                            name.ifPresent(definedHere::add);
                            if (name.map(n -> !redefined.contains(n)).orElse(true)) entryDecls.add(d);
                        }
                    }
                    redefined.addAll(definedHere);
                    kept.add(entryDecls);
                }
                for (int i = kept.size() - 1; i >= 0; i--) decls.addAll(kept.get(i));
            }
            for (Program p : mainPrograms) decls.addAll(p.decls());
            return decls;
        }

        private record Frictions(CostPlan costs, double capital, boolean costsWritten) { }

        /** The program-wide {@code costs} and {@code capital}; each may be declared once. */
        private Frictions frictions(List<Decl> decls) {
            CostChecker costChecker = new CostChecker(r);
            CostPlan costs = CostPlan.NONE;
            double capital = ExperimentPlan.DEFAULT_CAPITAL;
            Span costsAt = null, capitalAt = null;
            for (Decl d : decls) {
                if (d instanceof Decl.Costs c) {
                    if (costsAt != null) {
                        r.error(keyword(c.span(), "costs"), "'costs' is declared twice", "first declared at " + costsAt.location());
                        continue;
                    }
                    costsAt = c.span();
                    Set<String> keys = new HashSet<>();
                    for (Setting item : c.items()) {
                        if (!keys.add(item.key().name())) {
                            r.error(item.key().span(), "'" + item.key().name() + "' is given twice in 'costs'");
                            continue;
                        }
                        costs = costChecker.apply(costs, item).orElse(costs);
                    }
                } else if (d instanceof Decl.Capital c) {
                    if (capitalAt != null) {
                        r.error(keyword(c.span(), "capital"), "'capital' is declared twice", "first declared at " + capitalAt.location());
                        continue;
                    }
                    capitalAt = c.span();
                    if (c.amount() != null) capital = costChecker.capital(c.amount(), c.span()).orElse(capital);
                }
            }
            return new Frictions(costs, capital, costsAt != null);
        }

        private Optional<PipelinePlan> strategy(Decl.Strategy s, PipelineResolver pipelines, Registry registry) {
            if (registry.find(s.name().name()).isPresent()) {
                r.error(s.name().span(), "strategy '" + s.name().name() + "' has the name of a built-in",
                        "pick another name; a bare '" + s.name().name() + "' means the built-in");
                return Optional.empty();
            }
            return pipelines.strategy(s);
        }

        /** A pool is checked where it is declared, so that its errors show even when nothing uses it yet. */
        private void models(Decl.Models m, PipelineResolver pipelines, Registry registry) {
            if (registry.find(m.name().name()).isPresent()) {
                r.error(m.name().span(), "models '" + m.name().name() + "' has the name of a built-in", "pick another name");
                return;
            }
            pipelines.models(m.name().name(), m.name().span());
        }

        private static Set<Decl> identitySet(List<Decl> decls) {
            Set<Decl> set = Collections.newSetFromMap(new IdentityHashMap<>());
            set.addAll(decls);
            return set;
        }

        /** Only the first declaration of a name is checked further; duplicates are reported once, in {@link #declare}. */
        private boolean isFirst(Ident name, Namespace.Kind kind, Decl d) {
            if (name == null) return false;
            return namespace.find(name.name(), kind).map(e -> e.decl() == d).orElse(false);
        }

        private Optional<SplitChecker.Checked> namedInSplit(SplitSpec.Named n) {
            r.error(n.span(), "a split must list its periods, not name another split",
                    "e.g. split s = train 2015..2017, valid 2018, test 2019");
            return Optional.empty();
        }

        /** What a declaration defines, for REPL redefinition; empty for commands and imports. */
        private static Optional<String> definedName(Decl d) {
            return Optional.ofNullable(switch (d) {
                case Decl.Market m -> m.name().name();
                case Decl.Split x -> x.name().name();
                case Decl.Strategy x -> x.name().name();
                case Decl.Models x -> x.name().name();
                case Decl.Scenarios x -> x.name().name();
                case Decl.Experiment x -> x.name().name();
                case Decl.Function x -> x.name() == null ? null : x.name().name();
                // the program-wide settings are replaced as a whole; the space keeps them apart from names
                case Decl.Costs x -> " costs";
                case Decl.Capital x -> " capital";
                case Decl.Goal x -> " goal";
                default -> null;
            });
        }

        private void declare(Decl d) {
            switch (d) {
                case Decl.Market m -> namespace.define(Namespace.Kind.MARKET, m.name(), d, r);
                case Decl.Split s -> namespace.define(Namespace.Kind.SPLIT, s.name(), d, r);
                case Decl.Strategy s -> namespace.define(Namespace.Kind.STRATEGY, s.name(), d, r);
                case Decl.Models m -> namespace.define(Namespace.Kind.MODELS, m.name(), d, r);
                case Decl.Scenarios s -> {
                    namespace.define(Namespace.Kind.SCENARIOS, s.name(), d, r);
                    r.error(keyword(s.span(), "scenarios"), "'scenarios' declarations are not runnable yet",
                            "use a market with a synthetic gbm(...) source instead");
                }
                case Decl.Goal g -> r.error(keyword(g.span(), "goal"), "'goal' declarations are not runnable yet");
                case Decl.Experiment e -> namespace.define(Namespace.Kind.EXPERIMENT, e.name(), d, r);
                default -> { }
            }
        }
    }

    /** The span of the keyword a declaration starts with. */
    static Span keyword(Span declSpan, String keyword) {
        return new Span(declSpan.source(), declSpan.line(), declSpan.column(), keyword.length());
    }
}
