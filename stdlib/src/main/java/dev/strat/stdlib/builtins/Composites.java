package dev.strat.stdlib.builtins;

import dev.strat.runtime.compose.BestMember;
import dev.strat.runtime.compose.Blend;
import dev.strat.runtime.compose.BlendPolicy;
import dev.strat.runtime.compose.NoTrade;
import dev.strat.runtime.compose.Policies;
import dev.strat.runtime.compose.Scorer;
import dev.strat.runtime.compose.Scorers;
import dev.strat.runtime.compose.Select;
import dev.strat.runtime.compose.Sleeve;
import dev.strat.runtime.compose.Switch;
import dev.strat.runtime.compose.SwitchPolicy;
import dev.strat.runtime.pipeline.Stage;
import dev.strat.stdlib.Arguments;
import dev.strat.stdlib.BuildContext;
import dev.strat.stdlib.BuildException;
import dev.strat.stdlib.Builtin;
import dev.strat.stdlib.Component;
import dev.strat.stdlib.ComponentBinder;
import dev.strat.stdlib.ComponentKind;
import dev.strat.stdlib.ComponentType;
import dev.strat.stdlib.MarketInfo;
import dev.strat.stdlib.ParamSpec;
import dev.strat.stdlib.ParamType;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StageKind;
import dev.strat.stdlib.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The composite stages and the components that configure them: {@code switch} and {@code blend}
 * over a pool of members with a policy, {@code top} (a selector) with a scorer. The factories take
 * the members, their names and the stage after a selector from the {@link BuildContext}; each
 * policy and scorer is registered with its own factory, which sees the composite's context (a
 * policy checks itself against the pool's size there).
 */
public final class Composites {

    private static final String SWITCHING_PAPER = "A. Millea and A. Edalat, \"Using Deep Reinforcement Learning with Hierarchical "
            + "Risk Parity for Portfolio Optimization\", International Journal of Financial Studies 11(1), 2023";
    private static final String HRL_PAPER = "S. Hao, P. Tang, N. Jiang, Y. Gu (advisor C. Homescu), \"Hierarchical reinforcement "
            + "learning for goal-based investing\", Bank of America research engagement, 2023";

    /** How a learning policy works, shared by the docs of switch and blend. */
    private static final String LEARNING_DOC = "With ppo(...) as the policy it learns (the paper's PPO high level): "
            + "it takes ppo's hyper-parameters with RLlib's defaults as the paper ran them (hidden=[256, 256] tanh, lr=5e-5, "
            + "gamma=0.99, gae_lambda=1, clip=0.3, n_epochs=30, batch=128, n_steps=4000; no adaptive KL penalty), plus "
            + "lookback (default 24; state: the last lookback per-step log growths of every member's shadow account, and "
            + "the previous decision), hold_bonus (added to the reward when no_trade was chosen and every asset fell over "
            + "the decision's bars; default 0) and timesteps (decisions trained in all; default 100000). No validation: the "
            + "last model is kept. It trains on the train split from the members' warm-up on: the members run "
            + "once, then episodes replay the real account over their record with the run's costs; reward = the account's "
            + "log growth over the decision's bars. Saved as models/PATH-seedN.zip like an agent.";

    static final Component RANDOM = new Component("random", List.of(),
            "Chooses a member uniformly at random at every choice.",
            "Draws the member from the run's seed and the stage's path, so the same seed gives the same choices. "
                    + "The HRP/HERC switching paper's random high-level baseline: a learned policy must beat it. "
                    + "In a blend it puts all the weight on the drawn member.",
            SWITCHING_PAPER, "strategy rnd = switch random every 5 over [olmar, pamr, ucrp, hold]",
            ComponentType.POLICY.factory((a, c) -> Policies.random()));
    static final Component FIXED = new Component("fixed", List.of(
            ParamSpec.required("index", Specs.INTEGER, 0, Double.NaN, "the member's position in the pool, from 0")),
            "Always chooses the member at position index.",
            "The switch then runs exactly as that member alone: a check of the machinery, and a way to run one "
                    + "member of a pool inside the same experiment.",
            "", "strategy first = switch fixed(index=0) over [ucrp, bah]",
            ComponentType.POLICY.factory(Composites::fixed));
    static final Component BEST = new Component("best", List.of(
            Specs.choice("metric", List.of("total_return", "sharpe", "sortino", "drawdown"), "total_return",
                    "how the members' recent records are compared"),
            Specs.bars("lookback", 21, 1, "steps of record compared")),
            "Chooses the member whose own account did best over the last lookback steps.",
            "Every member trades on its own shadow account, so each has a record whatever was executed. At each "
                    + "choice it scores the last lookback steps of every record: total_return = growth of wealth, "
                    + "sharpe = mean / standard deviation of the step returns, sortino = mean / downside deviation, "
                    + "drawdown = minus the largest fall from a peak. The highest score wins; ties go to the earlier "
                    + "member. Until the record is lookback steps long it chooses member 0, so put the default first. "
                    + "Follow-the-leader among strategies; it uses no price after the decision bar.",
            "", "strategy leader = switch best(metric=sharpe, lookback=63) every 21 over [olmar, pamr, ucrp]",
            ComponentType.POLICY.factory(Composites::best));
    static final Component EQUAL = new Component("equal", List.of(),
            "Blends the M members with weight 1/M each.",
            "The blend executes the average of the members' proposals. Blend only: a switch executes one member.",
            "", "strategy average = blend equal over [olmar, pamr, ucrp]",
            ComponentType.POLICY.factory((a, c) -> Policies.equal()));
    static final Component MIX = new Component("mix", List.of(
            ParamSpec.required("weights", Specs.NUMBERS, 0, 1, "one weight per member, in pool order; they must sum to 1")),
            "Blends the members with fixed weights.",
            "The blend executes the weighted sum of the members' proposals. Blend only: a switch executes one member.",
            "", "strategy core = blend mix(weights=[60%, 30%, 10%]) over [ucrp, olmar, hold]",
            ComponentType.POLICY.factory(Composites::mix));

    static final Component MOMENTUM = new Component("momentum", List.of(
            Specs.bars("lookback", 60, 1, "bars the return is measured over")),
            "Ranks assets by their return over the last lookback bars.",
            "Score = close(now) / close(now - lookback) - 1: past winners first (cross-sectional momentum). "
                    + "Warm-up: lookback + 1 bars.",
            "N. Jegadeesh and S. Titman, \"Returns to Buying Winners and Selling Losers\", Journal of Finance 48(1), 1993",
            "strategy winners = select top(5) by momentum(lookback=60) every 21d | ucrp",
            ComponentType.SCORER.factory((a, c) -> Scorers.momentum(a.bars("lookback", c.market().frequency(), 1))));
    static final Component LOW_VOL = new Component("low_vol", List.of(
            Specs.bars("lookback", 60, 2, "bars of one-bar returns the volatility is measured over")),
            "Ranks assets by the volatility of their returns, calmest first.",
            "Score = minus the sample standard deviation of the last lookback one-bar simple returns. "
                    + "Warm-up: lookback + 1 bars.",
            "", "strategy calm = select top(5) by low_vol(lookback=60) every 21d | ucrp",
            ComponentType.SCORER.factory((a, c) -> Scorers.lowVolatility(a.bars("lookback", c.market().frequency(), 2))));
    static final Component SHUFFLE = new Component("shuffle", List.of(),
            "Ranks assets at random: a random pick.",
            "Draws an independent uniform score per asset at every pick from the run's seed and the stage's path, "
                    + "so the same seed gives the same picks: the baseline a learned selector must beat.",
            "", "strategy lucky = select top(5) by shuffle every 21d | ucrp",
            ComponentType.SCORER.factory((a, c) -> Scorers.shuffle()));

    private Composites() {
    }

    public static void register(Registry.Builder b) {
        for (Component c : List.of(RANDOM, FIXED, BEST, EQUAL, MIX, MOMENTUM, LOW_VOL, SHUFFLE)) b.add(c);
        ComponentBinder components = b.binder();

        b.add(new Builtin("no_trade", StageKind.ALLOCATOR, List.of(),
                "Trades nothing: keeps the weights the account drifted to.",
                "Proposes the current (drifted) weights at every decision. As a member of a switch or blend it is the "
                        + "HRP/HERC switching paper's \"hold\" action: choosing it lets the real account drift, no model "
                        + "trades. Alone it stays in cash, where every account starts. Not strat's hold, which sells "
                        + "everything into cash.",
                SWITCHING_PAPER,
                "strategy sw = switch ppo(lookback=24) every 5 over [ucrp, olmar, no_trade]",
                (args, context) -> new NoTrade()));

        b.add(new Builtin("switch", StageKind.SWITCH, List.of(
                ParamSpec.required("policy", new ParamType.ComponentOf(ComponentKind.POLICY), Double.NaN, Double.NaN,
                        "chooses the member: random, fixed(index), best(metric, lookback), or a learning ppo(...)"),
                Specs.bars("every", 1, 1, "decisions between choices")),
                "Executes one member of a pool at a time, chosen by a policy every few decisions.",
                "Every member runs at every decision on its own shadow account (its own drifted weights and wealth, "
                        + "charged like the real account), because the market does not depend on the choice. Every "
                        + "'every' decisions the policy chooses a member, and that member's proposal is executed at each "
                        + "decision until the next choice. Reports the chosen member at every step (series choice) and how "
                        + "many steps each member was executed (counters chosen/MEMBER). Warm-up: the longest of the members'. "
                        + LEARNING_DOC + " Its action picks one member; no_trade as a member is the paper's hold action "
                        + "(nothing trades, the account drifts).",
                SWITCHING_PAPER,
                "strategy rnd = switch random every 5 over [olmar, pamr, ucrp, hold]",
                (args, context) -> buildSwitch(args, context, components)));

        b.add(new Builtin("blend", StageKind.BLEND, List.of(
                ParamSpec.required("policy", new ParamType.ComponentOf(ComponentKind.POLICY), Double.NaN, Double.NaN,
                        "weights the members: equal, mix(weights), a switch policy (all weight on its choice), or a learning ppo(...)"),
                Specs.bars("every", 1, 1, "decisions between new weights")),
                "Executes a weighted sum of the members' proposals, weighted by a policy every few decisions.",
                "Members run as in a switch, each on its own shadow account. Every 'every' decisions the policy gives "
                        + "each member a weight (>= 0, summing to 1), and the blend executes the weighted sum of their "
                        + "proposals until the next weighting: the continuous-action variant of the HRP/HERC switching "
                        + "system. Reports each member's weight at every step (series weight/MEMBER). "
                        + LEARNING_DOC + " Its action is one value in [-1, 1] per member, mapped to member weights by "
                        + "softmax(5 a) (the paper's 3.3: the executed weights are the weighted sum of the members').",
                SWITCHING_PAPER,
                "strategy average = blend equal over [olmar, pamr, ucrp]",
                (args, context) -> buildBlend(args, context, components)));

        b.add(new Builtin("hierarchy", StageKind.HIERARCHY, List.of(
                ParamSpec.required("policy", new ParamType.ComponentOf(ComponentKind.POLICY), Double.NaN, Double.NaN,
                        "splits the wealth across the classes: equal, mix(weights), best(metric, lookback), ..."),
                Specs.bars("every", 1, 1, "decisions between new class weights")),
                "Allocates across asset classes with a policy, and within each class with its own stage.",
                "Each part of the block names an asset class of the market and the stage that allocates within it; that "
                        + "stage sees only its class's assets (and cash) and is built for them. Every 'every' decisions the "
                        + "policy weights the classes from their sleeves' shadow accounts, as a blend weights its members, "
                        + "and the proposal is the class weights times the within-class weights. Reports each class's "
                        + "weight at every step (series weight/CLASS). Learning hierarchies (HADAPS's hierarchical SAC) "
                        + "come with that paper.",
                "J. Kim, D. Choi, M. Gim and J. Kang, \"HADAPS: Hierarchical Adaptive Multi-Asset Portfolio Selection\", "
                        + "IEEE Access 11, 2023",
                "strategy mix = hierarchy equal every 21d { crypto olmar(window=5); stock ucrp }",
                (args, context) -> buildHierarchy(args, context, components)));

        b.add(new Builtin("top", StageKind.SELECT, List.of(
                ParamSpec.required("k", Specs.INTEGER, 1, Double.NaN, "how many assets to pick; fewer than the market has"),
                ParamSpec.required("by", new ParamType.ComponentOf(ComponentKind.SCORER), Double.NaN, Double.NaN,
                        "ranks the assets: momentum(lookback), low_vol(lookback), shuffle"),
                Specs.bars("every", 1, 1, "decisions between picks")),
                "Picks the k best-ranked assets every few decisions; the stages after it allocate over those only.",
                "Every 'every' decisions the scorer ranks the assets on history up to the decision bar and the top k "
                        + "are picked. The stages after the selector work on k slots plus cash: they see the prices of the "
                        + "picked assets only, and their k + 1 weights are spread back over the market with zero for "
                        + "every other asset. An asset that stays picked keeps its slot. Without stages after it the picks "
                        + "get 1/k each. Reports how often each asset was picked (counters picked/SYMBOL) and how many "
                        + "slots changed at each pick (series replaced).",
                HRL_PAPER,
                "strategy winners = select top(5) by momentum(lookback=60) every 21d | ucrp",
                (args, context) -> buildSelect(args, context, components)));
    }

    private static Stage buildHierarchy(Arguments args, BuildContext context, ComponentBinder components) {
        List<Stage> members = members("hierarchy", context);
        MarketInfo market = context.market();
        if (market.classes().isEmpty()) {
            throw new BuildException("hierarchy needs asset classes: declare them on the market, e.g. "
                    + "classes crypto: [BTC, ETH], stock: [AAPL, MSFT]");
        }
        List<String> classes = context.memberNames();
        List<Stage> sleeves = new java.util.ArrayList<>();
        for (int c = 0; c < members.size(); c++) {
            List<String> assets = market.classes().get(classes.get(c));
            if (assets == null) {
                throw new BuildException("hierarchy: the market has no asset class '" + classes.get(c) + "'; its classes are "
                        + String.join(", ", market.classes().keySet()));
            }
            int[] columns = assets.stream().mapToInt(market.symbols()::indexOf).toArray();
            sleeves.add(new Sleeve(name(context, "hierarchy") + "/" + classes.get(c), columns, members.get(c)));
        }
        BlendPolicy policy = components.build(ComponentType.POLICY, args.get("policy"), context);
        return new Blend(name(context, "hierarchy"), policy, args.bars("every", market.frequency(), 1), sleeves, classes);
    }

    private static Stage buildSwitch(Arguments args, BuildContext context, ComponentBinder components) {
        List<Stage> members = members("switch", context);
        Value call = args.get("policy");
        if (LearnedPolicies.learns(call)) {
            return LearnedPolicies.build(false, (Value.Call) call, name(context, "switch"), args.bars("every", context.market().frequency(), 1),
                    members, distinct(context.memberNames()), context, components);
        }
        BlendPolicy policy = components.build(ComponentType.POLICY, call, context);
        if (!(policy instanceof SwitchPolicy choice)) {
            throw new BuildException("switch executes one member at a time, but '" + call.render()
                    + "' weights them all: use blend " + call.render() + ", or a switch policy (random, fixed, best)");
        }
        return new Switch(name(context, "switch"), choice, args.bars("every", context.market().frequency(), 1), members,
                distinct(context.memberNames()));
    }

    private static Stage buildBlend(Arguments args, BuildContext context, ComponentBinder components) {
        List<Stage> members = members("blend", context);
        if (LearnedPolicies.learns(args.get("policy"))) {
            return LearnedPolicies.build(true, (Value.Call) args.get("policy"), name(context, "blend"),
                    args.bars("every", context.market().frequency(), 1), members, distinct(context.memberNames()), context, components);
        }
        BlendPolicy policy = components.build(ComponentType.POLICY, args.get("policy"), context);
        return new Blend(name(context, "blend"), policy, args.bars("every", context.market().frequency(), 1), members,
                distinct(context.memberNames()));
    }

    private static Stage buildSelect(Arguments args, BuildContext context, ComponentBinder components) {
        int k = args.integer("k");
        MarketInfo market = context.market();
        if (k >= market.assets()) {
            throw new BuildException("top(" + k + ") must pick fewer assets than the market's " + market.assets()
                    + "; to keep them all, leave the selector out");
        }
        Scorer scorer = components.build(ComponentType.SCORER, args.get("by"), context);
        Stage then = context.roles().get("then");
        return new Select(name(context, "top"), k, scorer, args.bars("every", market.frequency(), 1), then);
    }

    private static List<Stage> members(String what, BuildContext context) {
        if (context.members().isEmpty()) {
            throw new BuildException(what + " needs members to choose from: write " + what
                    + (what.equals("hierarchy") ? " POLICY { CLASS STAGE; ... }" : " POLICY over [a, b, ...]"));
        }
        return context.members();
    }

    /** Reports and random streams are named after the stage's path; a stage built alone is named after itself. */
    private static String name(BuildContext context, String fallback) {
        return context.path().isBlank() ? fallback : context.path();
    }

    /** Member names as given, with repeats numbered ({@code ucrp}, {@code ucrp#2}) so that reports stay apart. */
    static List<String> distinct(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String unique = name;
            for (int k = 2; !seen.add(unique); k++) unique = name + "#" + k;
            out.add(unique);
        }
        return out;
    }

    /** {@code fixed(index)}: the index must name a member of the pool the policy chooses from. */
    private static BlendPolicy fixed(Arguments a, BuildContext context) {
        int index = a.integer("index");
        int members = context.members().size();
        if (index >= members) {
            throw new BuildException("fixed(index=" + index + ") names member " + index + ", but the pool has " + members
                    + " member" + (members == 1 ? "" : "s") + " (index 0.." + (members - 1) + ")");
        }
        return Policies.fixed(index);
    }

    /** {@code best(metric, lookback)}: ratios need two steps of record, growth and drawdown one. */
    private static BlendPolicy best(Arguments a, BuildContext context) {
        BestMember.Metric metric = BestMember.Metric.valueOf(a.text("metric").toUpperCase(Locale.ROOT));
        int min = metric == BestMember.Metric.SHARPE || metric == BestMember.Metric.SORTINO ? 2 : 1;
        return new BestMember(metric, a.bars("lookback", context.market().frequency(), min));
    }

    /** {@code mix(weights)}: one weight per member of the pool, summing to 1. */
    private static BlendPolicy mix(Arguments a, BuildContext context) {
        double[] w = a.numbers("weights");
        int members = context.members().size();
        if (w.length != members) {
            throw new BuildException("mix has " + w.length + " weight" + (w.length == 1 ? "" : "s") + " for " + members
                    + " members; give one per member, in pool order");
        }
        double sum = 0;
        for (double x : w) sum += x;
        if (Math.abs(sum - 1) > Baselines.SUM_TOLERANCE) {
            throw new BuildException("mix weights must sum to 100%, they sum to "
                    + new java.math.BigDecimal(sum * 100).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString() + "%");
        }
        return Policies.mix(w);
    }
}
