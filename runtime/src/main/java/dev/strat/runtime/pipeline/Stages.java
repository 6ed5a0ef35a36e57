package dev.strat.runtime.pipeline;

import java.util.List;

/** What every stage that owns other stages does with them. */
public final class Stages {

    private Stages() {
    }

    /**
     * Closes the stages that hold resources (learning stages free their networks); every stage is
     * tried, and the first failure is rethrown after all were.
     */
    public static void closeAll(List<Stage> stages) {
        RuntimeException first = null;
        for (Stage s : stages) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    if (first == null) first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
            }
        }
        if (first != null) throw first;
    }
}
