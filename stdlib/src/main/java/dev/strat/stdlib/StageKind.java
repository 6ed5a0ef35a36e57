package dev.strat.stdlib;

/**
 * What a built-in does in a pipeline, which decides where it may stand. The keyword is what a
 * user may write before the name ({@code agent td3(...)}, {@code risk barrier(...)}); it is
 * optional, but when given it must match.
 */
public enum StageKind {
    /** Starts a pipeline: a classic baseline or cash. */
    ALLOCATOR("allocator", true),
    /** A learning allocator (RL agent); starts a pipeline. */
    AGENT("agent", true),
    /** A portfolio model (HRP, HERC, MVO); starts a pipeline. */
    MODEL("model", true),
    /** Narrows the universe for the stages after it; starts a pipeline. */
    SELECT("select", true),
    /** A high-level choice among allocators; starts a pipeline. */
    SWITCH("switch", true),
    /** A high-level weighting of allocators; starts a pipeline. */
    BLEND("blend", true),
    /** Allocates across asset classes, then within each; starts a pipeline. */
    HIERARCHY("hierarchy", true),
    /** Adjusts the proposal before it (constraints, schedules); never first. */
    TRANSFORM("transform", false),
    /** A risk controller; never first. */
    RISK("risk", false),
    /** Changes how the risk stage before it acts; needs a risk stage earlier in the pipeline. */
    ADAPT("adapt", false);

    private final String keyword;
    private final boolean startsPipeline;

    StageKind(String keyword, boolean startsPipeline) {
        this.keyword = keyword;
        this.startsPipeline = startsPipeline;
    }

    /** The keyword a user may write before the built-in's name. */
    public String keyword() { return keyword; }

    /** True when a stage of this kind produces a proposal from nothing and so may come first. */
    public boolean startsPipeline() { return startsPipeline; }
}
