package dev.strat.polyglot;

import java.util.List;
import java.util.Optional;

/**
 * A user function failed: it threw, broke a limit, tried something the sandbox denies, or returned
 * something invalid. The message names the function and the decision date; the location fields let
 * the interpreter print it through its diagnostic formatter at the declaration.
 *
 * @see #declaredAt()
 */
public final class GuestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String function;
    private final String declaredAt;
    private final transient Optional<String> guestLine;
    private final List<String> guestStack;
    private final transient Optional<Location> at;
    private final String problem;

    /** Where in guest code it failed: the file (the .strat file for an inline block), 1-based line and column. */
    public record Location(String file, int line, int column) {
    }

    GuestException(FunctionSpec spec, String when, String problem, Optional<String> guestLine, List<String> guestStack) {
        this(spec, when, problem, guestLine, guestStack, Optional.empty());
    }

    GuestException(FunctionSpec spec, String when, String problem, Optional<String> guestLine, List<String> guestStack,
                   Optional<Location> at) {
        super(spec.describe() + (when.isEmpty() ? "" : " at " + when) + ": " + problem);
        this.function = spec.name();
        this.declaredAt = spec.declaredAt();
        this.guestLine = guestLine;
        this.guestStack = List.copyOf(guestStack);
        this.at = at;
        this.problem = problem;
    }

    /** Where in guest code it failed, when it failed in guest code. */
    public Optional<Location> location() { return at; }

    /** What went wrong, without the function's name and date. */
    public String problem() {
        return problem;
    }

    /** The function's name. */
    public String function() { return function; }

    /** {@code file:line:col} of the function's declaration in the program. */
    public String declaredAt() { return declaredAt; }

    /** The guest source line where it failed, when the failure was in guest code. */
    public Optional<String> guestLine() { return guestLine; }

    /** Guest frames, innermost first, e.g. {@code mom (prog.strat:14:12)}. */
    public List<String> guestStack() { return guestStack; }

    /** The message with the guest line and stack under it, as the command line prints it. */
    public String detail() {
        StringBuilder b = new StringBuilder(getMessage());
        guestLine.filter(l -> !l.isEmpty()).ifPresent(l -> b.append("\n    | ").append(l));
        for (String frame : guestStack) b.append("\n    at ").append(frame);
        return b.toString();
    }
}
