package dev.strat.runtime.experiment;

import java.util.List;
import java.util.Objects;

/**
 * Provenance written with results so that a reader can tell exactly what produced them.
 *
 * @param dataFiles    the data files the market was read from (empty for synthetic markets)
 * @param stratVersion the toolchain version
 * @param sourceHash   a hash of the program text (e.g. SHA-256 hex), or null when not run from a program
 */
public record RunInfo(List<String> dataFiles, String stratVersion, String sourceHash) {

    public static final RunInfo NONE = new RunInfo(List.of(), "unknown", null);

    public RunInfo {
        dataFiles = List.copyOf(dataFiles);
        Objects.requireNonNull(stratVersion, "stratVersion");
    }
}
