package dev.strat.polyglot;

/**
 * What a user function does, which fixes how it is called and where it may stand: allocators and
 * transforms are pipeline stages, features and rewards are components of a learning agent, a
 * scorer ranks assets for a selector, an indicator stands in the {@code ta} feature.
 */
public enum Role {
    /** {@code f(ctx, params)} returns the weights (N, or N + 1 with cash last); starts a pipeline. */
    ALLOCATOR("allocator"),
    /** {@code f(ctx, params)} reads {@code ctx.proposal} and returns adjusted weights; never first. */
    TRANSFORM("transform"),
    /** {@code f(ctx, params)} returns one number per asset: one block of an agent's observation. */
    FEATURE("feature"),
    /** {@code f(outcome, params)} returns the reward of one executed step. */
    REWARD("reward"),
    /** {@code f(ctx, params)} returns one score per asset for a selector; higher is better. */
    SCORER("scorer"),
    /**
     * {@code f(ctx, params)} returns one value per asset at the decision bar: a series of the
     * history window, listed in {@code ta(indicators=[...])} like a built-in indicator.
     */
    INDICATOR("indicator");

    private final String keyword;

    Role(String keyword) {
        this.keyword = keyword;
    }

    /** The word a program writes after {@code function}. */
    public String keyword() {
        return keyword;
    }

    /** The role written as {@code word}, if any. */
    public static java.util.Optional<Role> of(String word) {
        for (Role r : values()) if (r.keyword.equals(word)) return java.util.Optional.of(r);
        return java.util.Optional.empty();
    }

    /** The roles as a program writes them, for messages. */
    public static String words() {
        return java.util.Arrays.stream(values()).map(Role::keyword).collect(java.util.stream.Collectors.joining(", "));
    }
}
