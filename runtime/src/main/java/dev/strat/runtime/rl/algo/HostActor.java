package dev.strat.runtime.rl.algo;

/**
 * An actor's Java copy ({@link HostMlp}) for the host training path, with the one-row pass of
 * acting: no native call per environment step, and the weights copied in again only after they
 * changed (an update's step, a checkpoint loaded).
 */
final class HostActor {

    final HostMlp net;
    private final HostMlp.Pass one;
    /** Whether the copy holds the network's current weights. */
    private boolean current;

    HostActor(StackedMlp actor) {
        this.net = new HostMlp(actor);
        this.one = net.pass(1);
    }

    /** The actor's output for one observation; the returned array is reused by the next call. */
    float[] act(float[] observation) {
        if (!current) pull();
        net.forward(0, observation, 0, net.inputs(), 1, one);
        return one.output(0);
    }

    /** Copies the network's weights in (before an update uses them). */
    void pull() {
        net.pull();
        current = true;
    }

    /** The network's weights changed since the last copy. */
    void changed() {
        current = false;
    }
}
