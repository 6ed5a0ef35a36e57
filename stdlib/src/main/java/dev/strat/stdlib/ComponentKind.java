package dev.strat.stdlib;

/**
 * What a component is. Components are not pipeline stages: they are the named parts a stage is
 * configured with, written as argument values ({@code net=mlp(400, 300)},
 * {@code actions=softmax(scale=5)}, {@code features=[returns(window=5), weights]}).
 */
public enum ComponentKind {
    /** A network architecture for an agent's policy, critic or encoder. */
    NETWORK("network", "a network"),
    /** How an agent's action becomes portfolio weights. */
    ACTIONS("action map", "an action map"),
    /** One block of an agent's observation. */
    FEATURE("feature", "a feature"),
    /** What an agent is rewarded for after each step. */
    REWARD("reward", "a reward");

    private final String noun;
    private final String withArticle;

    ComponentKind(String noun, String withArticle) {
        this.noun = noun;
        this.withArticle = withArticle;
    }

    public String noun() { return noun; }

    public String withArticle() { return withArticle; }
}
