package dev.strat.lang.check;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Expr;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import dev.strat.lang.load.SourceLoader;
import dev.strat.polyglot.FunctionSpec;
import dev.strat.polyglot.GuestLanguage;
import dev.strat.polyglot.GuestSource;
import dev.strat.polyglot.Role;
import dev.strat.polyglot.Sandbox;
import dev.strat.polyglot.UserFunctions;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Component;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.Value;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a program's user functions ({@code function}, {@code import js}, {@code allow read}) and
 * builds the program's registry: the standard built-ins with the user functions layered over
 * them, so that every later pass resolves a user function exactly like a built-in. The guest code
 * is parsed and its top level run in the sandbox here, so that {@code strat check} reports guest
 * syntax errors at their line.
 */
final class FunctionChecker {

    /** The parameter types a user function may declare, by the word a program writes. */
    static final Map<String, ParamType> TYPES = types();

    private final Registry base;
    private final SourceLoader loader;
    private final Reporter r;

    FunctionChecker(Registry base, SourceLoader loader, Reporter r) {
        this.base = base;
        this.loader = loader;
        this.r = r;
    }

    /** What the program's functions come to: the layered registry and the sandbox they run in. */
    record Checked(Registry registry, Sandbox sandbox, List<FunctionSpec> functions) {
    }

    private static Map<String, ParamType> types() {
        Map<String, ParamType> t = new LinkedHashMap<>();
        t.put("number", new ParamType.Number());
        t.put("integer", new ParamType.Integer());
        t.put("bars", new ParamType.Bars());
        t.put("bool", new ParamType.Bool());
        t.put("string", new ParamType.Text());
        return t;
    }

    Checked check(List<Decl> decls) {
        List<Decl.Function> functions = decls.stream().filter(d -> d instanceof Decl.Function).map(d -> (Decl.Function) d).toList();
        if (functions.isEmpty() && decls.stream().noneMatch(d -> d instanceof Decl.Allow || d instanceof Decl.GuestImport)) {
            return new Checked(base, Sandbox.DEFAULT, List.of());
        }
        Sandbox sandbox = Sandbox.DEFAULT.allowRead(grants(decls));
        Map<GuestLanguage, List<GuestSource>> imports = imports(decls);
        List<FunctionSpec> specs = new ArrayList<>();
        Map<String, Span> seen = new HashMap<>();
        for (Decl.Function f : functions) {
            if (f.name() == null || f.role() == null || f.language() == null) continue;
            String name = f.name().name();
            if (base.find(name).isPresent() || base.findComponent(name).isPresent()) {
                r.error(f.name().span(), "function '" + name + "' has the name of a built-in", "pick another name");
                continue;
            }
            Span first = seen.putIfAbsent(name, f.name().span());
            if (first != null) {
                r.error(f.name().span(), "function '" + name + "' is declared twice", "first declared at " + first.location());
                continue;
            }
            spec(f, sandbox, imports).ifPresent(specs::add);
        }
        Registry.Builder layer = Registry.builder(base);
        // one program, so that a run's functions share one guest context per language
        UserFunctions.Program program = UserFunctions.program(specs, sandbox);
        for (FunctionSpec s : specs) {
            program.builtin(s).ifPresent(layer::add);
            program.component(s).ifPresent(layer::add);
        }
        return new Checked(layer.build(), sandbox, specs);
    }

    private Optional<FunctionSpec> spec(Decl.Function f, Sandbox sandbox, Map<GuestLanguage, List<GuestSource>> imports) {
        Optional<Role> role = Role.of(f.role().name());
        if (role.isEmpty()) {
            r.unknownOrList(f.role().span(), "unknown function role '" + f.role().name() + "'", f.role().name(),
                    java.util.Arrays.stream(Role.values()).map(Role::keyword).toList(), "roles");
            return Optional.empty();
        }
        Optional<GuestLanguage> language = language(f.language());
        if (language.isEmpty()) return Optional.empty();
        List<ParamSpec> params = new ArrayList<>();
        boolean ok = true;
        for (Decl.FunctionParam p : f.params()) {
            Optional<ParamSpec> spec = param(p);
            if (spec.isPresent()) params.add(spec.get());
            else ok = false;
        }
        if (!ok) return Optional.empty();
        String declaredAt = f.span().location();
        String doc = "user " + role.get().keyword() + " (" + language.get().display() + ")";
        List<GuestSource> candidates = f.code() != null
                ? List.of(new GuestSource(language.get(), f.span().source().name(), f.code(), Math.max(1, f.codeLine())))
                : imports.getOrDefault(language.get(), List.of());
        if (candidates.isEmpty()) {
            r.error(f.name().span(), "function '" + f.name().name() + "' has no code",
                    "write it in a block (= " + language.get().id() + " \"\"\" ... \"\"\") or import a file: import "
                            + language.get().id() + " \"file" + language.get().extension() + "\"");
            return Optional.empty();
        }
        UserFunctions.Problem last = null;
        for (GuestSource source : candidates) {
            FunctionSpec spec = new FunctionSpec(f.name().name(), role.get(), params, source, declaredAt, doc);
            Optional<UserFunctions.Problem> problem = UserFunctions.check(spec, sandbox);
            if (problem.isEmpty()) return Optional.of(spec);
            last = problem.get();
            // an imported file that merely lacks this function may be followed by one that has it
            if (!last.message().contains("defines no function")) break;
        }
        report(f, last);
        return Optional.empty();
    }

    private void report(Decl.Function f, UserFunctions.Problem p) {
        Source program = f.span().source();
        if (p.source().equals(program.name()) && p.line() > 0) {
            r.error(new Span(program, p.line(), Math.max(1, p.column()), 1), "in function '" + f.name().name() + "': " + p.message());
        } else if (p.line() > 0) {
            r.error(f.name().span(), "in function '" + f.name().name() + "' at " + p.source() + ":" + p.line() + ":" + p.column()
                    + ": " + p.message());
        } else {
            r.error(f.name().span(), "function '" + f.name().name() + "': " + p.message());
        }
    }

    private Optional<GuestLanguage> language(dev.strat.lang.ast.Ident word) {
        Optional<GuestLanguage> language = GuestLanguage.of(word.name());
        if (language.isEmpty()) {
            r.unknownOrList(word.span(), "unknown language '" + word.name() + "'", word.name(),
                    java.util.Arrays.stream(GuestLanguage.values()).map(GuestLanguage::id).toList(), "languages");
        }
        return language;
    }

    private Optional<ParamSpec> param(Decl.FunctionParam p) {
        String what = "parameter '" + p.name().name() + "'";
        ParamType type = TYPES.get(p.type().name());
        if (type == null) {
            r.unknownOrList(p.type().span(), "unknown parameter type '" + p.type().name() + "'", p.type().name(), TYPES.keySet(), "types");
            return Optional.empty();
        }
        double min = Double.NaN, max = Double.NaN;
        if (p.range() != null) {
            if (!(p.range() instanceof Expr.Range range)) {
                r.error(p.range().span(), "the range of " + what + " must be written lo..hi, lo.. or ..hi");
                return Optional.empty();
            }
            Optional<Double> lo = bound(range.from(), what), hi = bound(range.to(), what);
            if (range.from() != null && lo.isEmpty() || range.to() != null && hi.isEmpty()) return Optional.empty();
            min = lo.orElse(Double.NaN);
            max = hi.orElse(Double.NaN);
        }
        Value def = null;
        if (p.defaultValue() != null) {
            Optional<Value> v = ValueConverter.convert(p.defaultValue(), "the default of " + what, r);
            if (v.isEmpty()) return Optional.empty();
            def = v.get();
        }
        ParamSpec spec = new ParamSpec(p.name().name(), type, def, min, max, p.type().name() + " parameter");
        if (def != null) {
            Optional<String> bad = spec.check(def);
            if (bad.isPresent()) {
                r.error(p.defaultValue().span(), "the default of " + what + " does not fit: " + bad.get());
                return Optional.empty();
            }
        }
        return Optional.of(spec);
    }

    private Optional<Double> bound(Expr e, String what) {
        if (e == null) return Optional.empty();
        Optional<Value> v = ValueConverter.convert(e, "the range of " + what, r);
        if (v.isPresent() && v.get() instanceof Value.Num n) return Optional.of(n.value());
        v.ifPresent(x -> r.error(e.span(), "the range of " + what + " must be numbers"));
        return Optional.empty();
    }

    private List<Path> grants(List<Decl> decls) {
        List<Path> dirs = new ArrayList<>();
        for (Decl d : decls) {
            if (!(d instanceof Decl.Allow a) || a.access() == null) continue;
            if (!a.access().name().equals("read")) {
                r.error(a.access().span(), "only 'allow read \"dir\"' is possible: user functions may never write, connect or run anything");
                continue;
            }
            Path dir = Path.of(loader.resolve(a.span().source().name(), a.path()));
            if (!Files.isDirectory(dir)) {
                r.error(a.span(), "'allow read' needs a folder; there is none at " + dir.toAbsolutePath().normalize());
                continue;
            }
            dirs.add(dir);
        }
        return dirs;
    }

    private Map<GuestLanguage, List<GuestSource>> imports(List<Decl> decls) {
        Map<GuestLanguage, List<GuestSource>> out = new LinkedHashMap<>();
        for (Decl d : decls) {
            if (!(d instanceof Decl.GuestImport g) || g.language() == null) continue;
            Optional<GuestLanguage> language = language(g.language());
            if (language.isEmpty()) continue;
            String name = loader.resolve(g.span().source().name(), g.path());
            switch (loader.read(name)) {
                case SourceLoader.Loaded.Found found ->
                        out.computeIfAbsent(language.get(), k -> new ArrayList<>()).add(new GuestSource(language.get(), name, found.source().text(), 1));
                case SourceLoader.Loaded.Missing missing -> r.error(g.span(), "cannot import " + language.get().id() + " file: " + missing.message());
            }
        }
        return out;
    }
}
