package dev.strat.cli.repl;

import java.util.List;

/** The words of the language and the REPL commands, for completion. */
public final class Keywords {

    private Keywords() {
    }

    /** Declaration, clause and stage keywords of .strat programs. */
    public static final List<String> LANGUAGE = List.of(
            // declarations
            "import", "market", "costs", "capital", "split", "strategy", "models", "scenarios", "goal",
            "experiment", "backtest",
            // market clauses and sources
            "symbols", "classes", "features", "synthetic", "cash",
            // costs and splits
            "fee", "slippage", "train", "valid", "test", "rolling",
            // experiment items
            "compare", "seeds", "metrics", "report", "warmup", "significance",
            // stage kinds and clauses
            "allocator", "agent", "model", "select", "switch", "blend", "hierarchy", "transform", "risk", "adapt",
            "every", "over", "by", "on", "inter", "intra", "top", "for", "in", "at",
            "true", "false");

    /** The REPL's own commands. */
    public static final List<String> COMMANDS = List.of(":help", ":load", ":reset", ":quit", ":q");
}
