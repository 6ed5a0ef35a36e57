package dev.strat.stdlib;

import java.util.Objects;

/**
 * How a component becomes its runtime object: the type it builds (fixed by its kind) and the
 * code that builds it from the component call's checked arguments and the {@link BuildContext}
 * of the stage that takes it. Create one with {@link ComponentType#factory}.
 *
 * @param type  what it builds
 * @param build builds it
 * @param <T>   the runtime type
 */
public record ComponentFactory<T>(ComponentType<T> type, Build<T> build) {

    public ComponentFactory {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(build, "build");
    }

    /** Builds one runtime object; a {@link BuildException} is a user error the checker could not see. */
    @FunctionalInterface
    public interface Build<T> {
        T create(Arguments args, BuildContext context);
    }

    public T create(Arguments args, BuildContext context) {
        return build.create(args, context);
    }
}
