package dev.strat.cli;

import dev.strat.runtime.experiment.TrainContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strat run FILE}: runs every experiment of a file. Learning strategies train on the
 * train split first (their models are saved under the report folder's {@code models/}); with
 * {@code --trained} they are backtested from those saved models without training.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run every experiment and backtest of a .strat file.",
        footer = {"", "Exit codes: 0 ok, 1 the run failed, 2 the program has errors or the file cannot be read."})
public final class RunCommand extends ExperimentCommand {

    @Option(names = "--trained",
            description = "Backtest learning strategies from the models a previous run or `strat train` saved, without training.")
    boolean trained;

    public RunCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    TrainContext.Mode training() {
        return trained ? TrainContext.Mode.REUSE : TrainContext.Mode.FRESH;
    }
}
