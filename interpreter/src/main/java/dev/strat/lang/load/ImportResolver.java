package dev.strat.lang.load;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Program;
import dev.strat.lang.diag.Diagnostic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the files a program imports, transitively. Every file is loaded once (a file imported
 * twice through different paths is the same file); cycles, missing files and syntax errors of
 * imported files are reported, and loading goes on with what could be read.
 */
public final class ImportResolver {

    private final SourceLoader loader;
    private final ProgramParser parser;

    public ImportResolver(SourceLoader loader, ProgramParser parser) {
        this.loader = loader;
        this.parser = parser;
    }

    /**
     * @param programs    every file, each after the files it imports, the main program last
     * @param diagnostics problems found while importing
     */
    public record Resolved(List<Program> programs, List<Diagnostic> diagnostics) {
        public Resolved {
            programs = List.copyOf(programs);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public Resolved resolve(Program main) {
        Walk walk = new Walk();
        walk.visit(main, new ArrayList<>());
        return new Resolved(new ArrayList<>(walk.done.values()), walk.diagnostics);
    }

    private final class Walk {
        final Map<String, Program> done = new LinkedHashMap<>();
        final Set<String> failed = new HashSet<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();

        void visit(Program program, List<String> stack) {
            String name = program.source().name();
            stack.add(name);
            for (Decl d : program.decls()) {
                if (!(d instanceof Decl.Import imp)) continue;
                String target = loader.resolve(name, imp.path());
                int at = stack.indexOf(target);
                if (at >= 0) {
                    List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
                    cycle.add(target);
                    diagnostics.add(Diagnostic.error(imp.span(), "import cycle: " + String.join(" -> ", cycle)));
                    continue;
                }
                if (done.containsKey(target) || failed.contains(target)) continue;
                switch (loader.read(target)) {
                    case SourceLoader.Loaded.Missing m -> {
                        failed.add(target);
                        diagnostics.add(Diagnostic.error(imp.span(), "cannot import \"" + imp.path() + "\"", m.message()));
                    }
                    case SourceLoader.Loaded.Found f -> {
                        ProgramParser.Parsed parsed = parser.parse(f.source());
                        diagnostics.addAll(parsed.diagnostics());
                        if (parsed.program() != null) visit(parsed.program(), stack);
                        else failed.add(target);
                    }
                }
            }
            stack.remove(stack.size() - 1);
            done.putIfAbsent(name, program);
        }
    }
}
