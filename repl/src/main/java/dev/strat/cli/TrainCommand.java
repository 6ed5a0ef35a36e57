package dev.strat.cli;

import dev.strat.runtime.experiment.TrainContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strat train FILE}: trains every learning strategy of a file's experiments (train split,
 * best model by the validation split, checkpoints under the report folder's {@code models/}),
 * then tests it like {@code strat run}. {@code --resume} continues unfinished checkpoints.
 */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train the agents of a .strat file, keep their models, and test them.",
        footer = {"", "Models: <report folder>/models/<strategy>-seed<N>.zip (weights, optimiser, normaliser, program, seed).",
                "Exit codes: 0 ok, 1 the run failed, 2 the program has errors or the file cannot be read."})
public final class TrainCommand extends ExperimentCommand {

    @Option(names = "--resume", description = "Continue from saved checkpoints; finished models are reused, missing ones trained.")
    boolean resume;

    public TrainCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    TrainContext.Mode training() {
        return resume ? TrainContext.Mode.RESUME : TrainContext.Mode.FRESH;
    }
}
