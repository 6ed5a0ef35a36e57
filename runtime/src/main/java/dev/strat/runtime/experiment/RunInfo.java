package dev.strat.runtime.experiment;

import java.util.List;
import java.util.Objects;

/**
 * Provenance written with results so that a reader can tell exactly what produced them.
 *
 * @param dataFiles    the data files the market was read from (empty for synthetic markets)
 * @param stratVersion the toolchain version
 * @param sourceHash   a hash of the program text (e.g. SHA-256 hex), or null when not run from a program
 * @param dataHashes   SHA-256 (lower-case hex) of the bytes of each data file as read, by its name
 *                     in {@code dataFiles}; a file missing here was not hashed
 */
public record RunInfo(List<String> dataFiles, String stratVersion, String sourceHash, java.util.Map<String, String> dataHashes) {

    public static final RunInfo NONE = new RunInfo(List.of(), "unknown", null);

    public RunInfo {
        dataFiles = List.copyOf(dataFiles);
        Objects.requireNonNull(stratVersion, "stratVersion");
        dataHashes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dataHashes));
    }

    /** Provenance without data hashes. */
    public RunInfo(List<String> dataFiles, String stratVersion, String sourceHash) {
        this(dataFiles, stratVersion, sourceHash, java.util.Map.of());
    }
}
