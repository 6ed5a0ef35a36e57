package dev.strat.stdlib.builtins;

import dev.strat.runtime.pipeline.Stage;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.MarketInfo;

/** Turns an agent call's checked arguments into a trainable runtime stage. */
final class AgentStages {

    private AgentStages() {
    }

    static Stage create(String algorithm, Arguments args, MarketInfo market) {
        throw new BuildException(algorithm + ": agents are registered but their runtime binding is not merged yet");
    }
}
