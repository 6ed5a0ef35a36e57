package dev.strat.lang.check;

import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.plan.ProgramPlan;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a check: every diagnostic found, and the plan when there were no errors.
 */
public record CheckResult(Optional<ProgramPlan> plan, List<Diagnostic> diagnostics) {

    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
