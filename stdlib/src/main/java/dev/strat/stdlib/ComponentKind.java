package dev.strat.stdlib;

/**
 * What a component is. Components are not pipeline stages: they are the named parts a stage is
 * configured with, written as argument values ({@code net=mlp(400, 300)},
 * {@code actions=softmax(scale=5)}, {@code features=[returns(window=5), weights]},
 * {@code switch random}, {@code top(5) by momentum(lookback=60)}).
 */
public enum ComponentKind {
    /** A network architecture for an agent's policy, critic or encoder. */
    NETWORK("network", "networks", "a network"),
    /** How an agent's action becomes portfolio weights. */
    ACTIONS("action map", "action maps", "an action map"),
    /** One block of an agent's observation. */
    FEATURE("feature", "features", "a feature"),
    /** What an agent is rewarded for after each step. */
    REWARD("reward", "rewards", "a reward"),
    /** How a switch chooses a member, or a blend weights its members. */
    POLICY("policy", "policies", "a policy", "switch and blend"),
    /** How a selector ranks the assets. */
    SCORER("scorer", "scorers", "a scorer", "select"),
    /** A technical indicator of the {@code ta} feature, e.g. {@code ta(indicators=[rsi(14), macd])}. */
    INDICATOR("indicator", "indicators", "an indicator", "the ta feature"),
    /** A price-change forecast of a risk stage, e.g. {@code risk barrier(predictor=moving_average(5))}. */
    PREDICTOR("predictor", "predictors", "a predictor", "risk barrier");

    private final String noun;
    private final String plural;
    private final String withArticle;
    private final String argumentOf;

    ComponentKind(String noun, String plural, String withArticle) {
        this(noun, plural, withArticle, "agents");
    }

    ComponentKind(String noun, String plural, String withArticle, String argumentOf) {
        this.noun = noun;
        this.plural = plural;
        this.withArticle = withArticle;
        this.argumentOf = argumentOf;
    }

    public String noun() { return noun; }

    /** The noun in the plural, e.g. {@code policies}, for headings and lists. */
    public String plural() { return plural; }

    public String withArticle() { return withArticle; }

    /** The stages that take components of this kind as arguments, e.g. {@code agents}, for listings. */
    public String argumentOf() { return argumentOf; }
}
