package dev.strat.lang.load;

import dev.strat.lang.ast.Program;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;

import java.util.List;

/** Parses the text of an imported file; the checker is given one so it does not depend on a parser. */
@FunctionalInterface
public interface ProgramParser {

    Parsed parse(Source source);

    /**
     * @param program     what could be parsed (possibly partial when there are syntax errors)
     * @param diagnostics syntax errors, tied to the file's source
     */
    record Parsed(Program program, List<Diagnostic> diagnostics) {
        public Parsed {
            diagnostics = List.copyOf(diagnostics);
        }
    }
}
