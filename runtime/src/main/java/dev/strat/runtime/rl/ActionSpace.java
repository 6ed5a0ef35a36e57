package dev.strat.runtime.rl;

/** What an agent's action is: a box of reals in [-1, 1] or a choice among {@code n} options. */
public sealed interface ActionSpace {

    /** Length of the float array that carries one action (1 for a discrete choice). */
    int width();

    /** Actions in {@code [-1, 1]^dim}; action maps rescale them. */
    record Continuous(int dim) implements ActionSpace {
        public Continuous {
            if (dim < 1) throw new IllegalArgumentException("a continuous action needs at least one dimension");
        }

        @Override
        public int width() { return dim; }
    }

    /** One of {@code n} options, carried as its index in {@code action[0]}. */
    record Discrete(int n) implements ActionSpace {
        public Discrete {
            if (n < 2) throw new IllegalArgumentException("a discrete action needs at least two options");
        }

        @Override
        public int width() { return 1; }
    }
}
