package dev.strat.lang.parse;

import dev.strat.grammar.StratParser;
import dev.strat.grammar.StratParser.*;
import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.ExperimentItem;
import dev.strat.lang.ast.Ident;
import dev.strat.lang.ast.MarketClause;
import dev.strat.lang.ast.MarketSource;
import dev.strat.lang.ast.PipelineExpr;
import dev.strat.lang.ast.Setting;
import dev.strat.lang.ast.SplitSpec;
import dev.strat.lang.ast.StageExpr;
import dev.strat.lang.diag.Diagnostic;
import dev.strat.lang.diag.Source;
import dev.strat.lang.diag.Span;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the immutable AST from a declaration's parse tree. Reports the few errors the grammar
 * cannot see: impossible dates, unknown string escapes, out-of-range lengths and split forms
 * other than {@code rolling(...)}.
 */
final class AstBuilder {

    private final Source source;
    private final CommonTokenStream tokens;
    private final List<Diagnostic> diagnostics;

    AstBuilder(Source source, CommonTokenStream tokens, List<Diagnostic> diagnostics) {
        this.source = source;
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    Decl decl(DeclContext ctx) {
        ParserRuleContext d = (ParserRuleContext) ctx.getChild(0);
        Span span = span(d);
        return switch (d) {
            case ImportDeclContext c when c.identifier() != null -> new Decl.GuestImport(ident(c.identifier()), string(c.STRING().getSymbol()), span);
            case ImportDeclContext c -> new Decl.Import(string(c.STRING().getSymbol()), span);
            case FunctionDeclContext c -> function(c, span);
            case AllowDeclContext c -> new Decl.Allow(ident(c.identifier()), string(c.STRING().getSymbol()), span);
            case MarketDeclContext c -> new Decl.Market(ident(c.identifier()),
                    c.marketSource().stream().map(this::source).toList(),
                    c.marketClause().stream().map(this::clause).toList(), span);
            case CostsDeclContext c -> new Decl.Costs(c.setting().stream().map(this::setting).toList(), span);
            case CapitalDeclContext c -> new Decl.Capital(expr(c.expr()), span);
            case SplitDeclContext c -> new Decl.Split(ident(c.identifier()), splitBody(c.splitBody()), span);
            case StrategyDeclContext c -> new Decl.Strategy(ident(c.identifier()), c.strategyParams() == null ? List.of()
                    : c.strategyParams().strategyParam().stream().map(p -> new Decl.StrategyParam(ident(p.identifier()),
                    p.expr() == null ? null : expr(p.expr()), span(p))).toList(), pipeline(c.pipeline()), span);
            case ModelsDeclContext c -> new Decl.Models(ident(c.identifier()), expr(c.expr()), span);
            case ScenariosDeclContext c -> new Decl.Scenarios(ident(c.identifier()), call(c.call()), span);
            case GoalDeclContext c -> new Decl.Goal(expr(c.expr(0)), expr(c.expr(1)), span);
            case ExperimentDeclContext c -> new Decl.Experiment(ident(c.identifier(0)), ident(c.identifier(1)),
                    c.experimentSplit() == null ? null : experimentSplit(c.experimentSplit()),
                    c.experimentItem().stream().map(this::item).toList(), span);
            case BacktestDeclContext c -> new Decl.Backtest(backtestPipeline(c.backtestPipeline()), ident(c.identifier()),
                    c.experimentSplit() == null ? null : experimentSplit(c.experimentSplit()), span);
            default -> throw new IllegalStateException("unknown declaration " + d.getClass().getSimpleName());
        };
    }

    // ------------------------------------------------------------ user functions

    private Decl.Function function(FunctionDeclContext c, Span span) {
        List<Decl.FunctionParam> params = c.functionParam().stream().map(p -> new Decl.FunctionParam(ident(p.identifier(0)),
                ident(p.identifier(1)), p.ASSIGN() == null ? null : expr(p.expr(0)),
                p.IN() == null ? null : expr(p.expr(p.ASSIGN() == null ? 0 : 1)), span(p))).toList();
        String code = null;
        int codeLine = 0;
        if (c.BLOCK_STRING() != null) {
            Token t = c.BLOCK_STRING().getSymbol();
            String body = t.getText().substring(3, t.getText().length() - 3);
            codeLine = t.getLine();
            // code that starts on the line after the opening quotes keeps its own line numbers
            int nl = body.indexOf('\n');
            if (nl >= 0 && body.substring(0, nl).isBlank()) {
                body = body.substring(nl + 1);
                codeLine++;
            }
            int last = body.lastIndexOf('\n');
            if (last >= 0 && body.substring(last + 1).isBlank()) body = body.substring(0, last + 1);
            code = body;
        }
        return new Decl.Function(ident(c.identifier(0)), ident(c.identifier(1)), params, ident(c.identifier(2)), code, codeLine, span);
    }

    // ------------------------------------------------------------ markets and settings

    private MarketSource source(MarketSourceContext ctx) {
        return switch (ctx) {
            case SyntheticSourceContext c -> new MarketSource.Synthetic(call(c.call()), span(c));
            case CashSourceContext c -> new MarketSource.Cash(span(c));
            case FileSourceContext c -> new MarketSource.File(call(c.call()), span(c));
            default -> throw new IllegalStateException();
        };
    }

    private MarketClause clause(MarketClauseContext ctx) {
        return switch (ctx) {
            case SymbolsClauseContext c -> new MarketClause.Symbols(c.identifier().stream().map(this::ident).toList(), span(c));
            case ClassesClauseContext c -> new MarketClause.Classes(c.assetClass().stream().map(a ->
                    new MarketClause.AssetClass(ident(a.identifier(0)),
                            a.identifier().subList(1, a.identifier().size()).stream().map(this::ident).toList(),
                            span(a))).toList(), span(c));
            case FeaturesClauseContext c -> new MarketClause.Features(c.expr().stream().map(this::expr).toList(), span(c));
            default -> throw new IllegalStateException();
        };
    }

    private Setting setting(SettingContext ctx) {
        return new Setting(ident(ctx.identifier()), List.of(expr(ctx.expr())), span(ctx));
    }

    private SplitSpec splitBody(SplitBodyContext ctx) {
        return switch (ctx) {
            case FixedSplitContext c -> new SplitSpec.Fixed(c.splitPart().stream().map(this::part).toList(), span(c));
            case RollingSplitContext c -> rolling(c.call());
            default -> throw new IllegalStateException();
        };
    }

    private SplitSpec experimentSplit(ExperimentSplitContext ctx) {
        return switch (ctx) {
            case NamedSplitContext c -> new SplitSpec.Named(ident(c.identifier()), span(c.identifier()));
            case InlineSplitContext c -> {
                List<SplitSpec.Part> parts = c.splitPart().stream().map(this::part).toList();
                yield new SplitSpec.Fixed(parts, span(c.splitPart(0)).to(parts.getLast().span()));
            }
            case RollingInlineContext c -> {
                RollingCallContext r = c.rollingCall();
                Expr.Call call = new Expr.Call(new Ident(r.ROLLING().getText(), span(r.ROLLING())), args(r.arg()), span(r));
                yield new SplitSpec.Rolling(call, call.span());
            }
            default -> throw new IllegalStateException();
        };
    }

    private SplitSpec rolling(CallContext ctx) {
        Expr.Call call = call(ctx);
        if (!call.callee().name().equals("rolling")) {
            diagnostics.add(Diagnostic.error(call.callee().span(), "expected a split, found '" + call.callee().name() + "(...)'",
                    "write 'train 2015..2017, valid 2018, test 2019' or 'rolling(train=2y, test=1mo)'"));
        }
        return new SplitSpec.Rolling(call, call.span());
    }

    private SplitSpec.Part part(SplitPartContext ctx) {
        SplitRoleContext role = ctx.splitRole();
        return new SplitSpec.Part(new Ident(role.getText(), span(role)), expr(ctx.expr()), span(ctx));
    }

    private ExperimentItem item(ExperimentItemContext ctx) {
        return switch (ctx) {
            case CompareItemContext c -> new ExperimentItem.Compare(c.compareEntry().stream().map(e ->
                    new ExperimentItem.Entry(e.identifier() == null ? null : ident(e.identifier()),
                            pipeline(e.pipeline()), e.comprehensionTail().stream().map(t -> new ExperimentItem.Sweep(
                            ident(t.identifier()), t.expr().stream().map(this::expr).toList(), span(t))).toList(), span(e))).toList(), span(c));
            case OptionItemContext c -> {
                Span span = span(c);
                yield new ExperimentItem.Option(new Setting(ident(c.identifier()),
                        c.expr().stream().map(this::expr).toList(), span), span);
            }
            default -> throw new IllegalStateException();
        };
    }

    // ------------------------------------------------------------ pipelines

    private PipelineExpr pipeline(PipelineContext ctx) {
        return new PipelineExpr(ctx.stage().stream().map(this::stage).toList(), span(ctx));
    }

    private PipelineExpr backtestPipeline(BacktestPipelineContext ctx) {
        List<StageExpr> stages = new ArrayList<>();
        for (BacktestStageContext s : ctx.backtestStage()) {
            List<StageExpr.Clause> clauses = new ArrayList<>();
            for (BacktestClauseContext c : s.backtestClause()) {
                Token k = c.getStart();
                clauses.add(new StageExpr.Clause(new Ident(k.getText(), span(k)), expr(c.expr()), span(c)));
            }
            stages.add(stage(s.stageKind(), s.stageTarget(), clauses, s.stageBlock(), span(s)));
        }
        return new PipelineExpr(stages, span(ctx));
    }

    private StageExpr stage(StageContext ctx) {
        return stage(ctx.stageKind(), ctx.stageTarget(), ctx.stageClause().stream().map(this::stageClause).toList(),
                ctx.stageBlock(), span(ctx));
    }

    private StageExpr stage(StageKindContext kindCtx, StageTargetContext targetCtx, List<StageExpr.Clause> clauses,
                            StageBlockContext blockCtx, Span span) {
        Ident kind = kindCtx == null ? null : new Ident(kindCtx.getText(), span(kindCtx));
        Expr target = switch (targetCtx) {
            case CallTargetContext c -> call(c.call());
            case NameTargetContext c -> {
                Expr e = name(c.identifier(0));
                for (int k = 1; k < c.identifier().size(); k++) {
                    Ident member = ident(c.identifier(k));
                    e = new Expr.Member(e, member, e.span().to(member.span()));
                }
                yield e;
            }
            default -> throw new IllegalStateException();
        };
        List<StageExpr.BlockPart> block = new ArrayList<>();
        if (blockCtx != null) {
            for (BlockPartContext p : blockCtx.blockPart()) {
                block.add(new StageExpr.BlockPart(ident(p.identifier()), expr(p.expr()),
                        p.stageClause().stream().map(this::stageClause).toList(), span(p)));
            }
        }
        return new StageExpr(kind, target, clauses, block, span);
    }

    private StageExpr.Clause stageClause(StageClauseContext ctx) {
        ClauseKeywordContext k = ctx.clauseKeyword();
        return new StageExpr.Clause(new Ident(k.getText(), span(k)), expr(ctx.expr()), span(ctx));
    }

    // ------------------------------------------------------------ expressions

    Expr expr(ExprContext ctx) {
        ComparisonContext c = ctx.comparison();
        Expr left = range(c.rangeExpr(0));
        if (c.compareOp() == null) return left;
        return new Expr.Binary(left, c.compareOp().getText(), range(c.rangeExpr(1)), span(c));
    }

    private Expr range(RangeExprContext ctx) {
        return switch (ctx) {
            case RangeFromContext c -> {
                Expr from = additive(c.additive(0));
                if (c.DOTDOT() == null) yield from;
                Expr to = c.additive().size() > 1 ? additive(c.additive(1)) : null;
                yield new Expr.Range(from, to, span(c));
            }
            case RangeToContext c -> new Expr.Range(null, additive(c.additive()), span(c));
            default -> throw new IllegalStateException();
        };
    }

    private Expr additive(AdditiveContext ctx) {
        Expr e = multiplicative(ctx.multiplicative(0));
        for (int k = 0; k < ctx.addOp().size(); k++) {
            Expr right = multiplicative(ctx.multiplicative(k + 1));
            e = new Expr.Binary(e, ctx.addOp(k).getText(), right, e.span().to(right.span()));
        }
        return e;
    }

    private Expr multiplicative(MultiplicativeContext ctx) {
        Expr e = unary(ctx.unary(0));
        for (int k = 0; k < ctx.mulOp().size(); k++) {
            Expr right = unary(ctx.unary(k + 1));
            e = new Expr.Binary(e, ctx.mulOp(k).getText(), right, e.span().to(right.span()));
        }
        return e;
    }

    private Expr unary(UnaryContext ctx) {
        return switch (ctx) {
            case NegateContext c -> {
                Expr operand = unary(c.unary());
                Span span = span(c);
                // '-0.5' is a number literal to every later pass, not an operation on one
                if (operand instanceof Expr.Number n) {
                    yield new Expr.Number(-n.value(), n.percent(), n.integral(), "-" + n.text(), span);
                }
                yield new Expr.Unary("-", operand, span);
            }
            case PlainContext c -> postfix(c.postfix());
            default -> throw new IllegalStateException();
        };
    }

    private Expr postfix(PostfixContext ctx) {
        Expr e = primary(ctx.primary());
        for (IdentifierContext m : ctx.identifier()) {
            Ident member = ident(m);
            e = new Expr.Member(e, member, e.span().to(member.span()));
        }
        return e;
    }

    private Expr primary(PrimaryContext ctx) {
        Span span = span(ctx);
        return switch (ctx) {
            case NumberLitContext c -> number(c.NUMBER().getSymbol());
            case LengthLitContext c -> length(c.LENGTH().getSymbol());
            case DateLitContext c -> date(c.DATE().getSymbol());
            case StringLitContext c -> new Expr.Str(string(c.STRING().getSymbol()), span);
            case BoolLitContext c -> new Expr.Bool(c.TRUE() != null, span);
            case CallExprContext c -> call(c.call());
            case NameExprContext c -> name(c.identifier());
            case ListExprContext c when c.comprehensionTail() != null -> new Expr.Comprehension(listItem(c.listItem(0)),
                    ident(c.comprehensionTail().identifier()),
                    c.comprehensionTail().expr().stream().map(this::expr).toList(), span);
            case ListExprContext c -> new Expr.ListOf(c.listItem().stream().map(this::listItem).toList(), span);
            case ParenExprContext c -> expr(c.expr());
            default -> throw new IllegalStateException();
        };
    }

    private Expr listItem(ListItemContext ctx) {
        Expr value = expr(ctx.expr());
        if (ctx.stageClause().isEmpty()) return value;
        return new Expr.Clauses(value, ctx.stageClause().stream().map(this::stageClause).toList(), span(ctx));
    }

    private Expr.Call call(CallContext ctx) {
        return new Expr.Call(ident(ctx.identifier()), args(ctx.arg()), span(ctx));
    }

    private List<Expr.Arg> args(List<ArgContext> ctxs) {
        List<Expr.Arg> args = new ArrayList<>();
        for (ArgContext a : ctxs) {
            Ident name = a.argName() == null ? null : new Ident(a.argName().getText(), span(a.argName()));
            Expr value;
            if (a.wordValue() != null) {
                Ident word = new Ident(a.wordValue().getText(), span(a.wordValue()));
                value = new Expr.Name(word, word.span());
            } else {
                value = expr(a.expr());
            }
            args.add(new Expr.Arg(name, value, span(a)));
        }
        return args;
    }

    private Expr.Name name(IdentifierContext ctx) {
        Ident id = ident(ctx);
        return new Expr.Name(id, id.span());
    }

    private Ident ident(IdentifierContext ctx) {
        return new Ident(ctx.getText(), span(ctx));
    }

    // ------------------------------------------------------------ literals

    private Expr.Number number(Token t) {
        String text = t.getText();
        // 10bp is a fraction like 0.1%: both are "percent" literals, which every rate setting accepts
        boolean basisPoints = text.endsWith("bp");
        boolean percent = basisPoints || text.endsWith("%");
        String digits = text.substring(0, text.length() - (basisPoints ? 2 : percent ? 1 : 0)).replace("_", "");
        boolean integral = !percent && digits.chars().noneMatch(ch -> ch == '.' || ch == 'e' || ch == 'E');
        double value;
        try {
            BigDecimal d = new BigDecimal(digits);
            value = (basisPoints ? d.movePointLeft(4) : percent ? d.movePointLeft(2) : d).doubleValue();
        } catch (NumberFormatException e) {
            value = Double.NaN; // a malformed literal, already reported by the lexing step
        }
        return new Expr.Number(value, percent, integral, text, span(t));
    }

    private Expr.Length length(Token t) {
        String text = t.getText();
        int unitAt = text.length() - (text.endsWith("mo") ? 2 : 1);
        String unit = text.substring(unitAt);
        long amount;
        try {
            amount = Long.parseLong(text.substring(0, unitAt).replace("_", ""));
        } catch (NumberFormatException e) {
            diagnostics.add(Diagnostic.error(span(t), "length '" + text + "' is too large"));
            amount = Long.MAX_VALUE;
        }
        return new Expr.Length(amount, unit, span(t));
    }

    private Expr.Date date(Token t) {
        String text = t.getText();
        boolean day = text.length() == 10;
        int year = Integer.parseInt(text.substring(0, 4));
        int month = Integer.parseInt(text.substring(5, 7));
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day ? Integer.parseInt(text.substring(8, 10)) : 1);
        } catch (DateTimeException e) {
            diagnostics.add(Diagnostic.error(span(t), "invalid date '" + text + "'",
                    day ? "write year-month-day, e.g. 2021-06-30" : "write year-month, e.g. 2021-06"));
            date = LocalDate.of(year, 1, 1);
        }
        return new Expr.Date(date, day ? Expr.Date.Precision.DAY : Expr.Date.Precision.MONTH, span(t));
    }

    /** The value of a string literal, escapes resolved; an unterminated literal has no closing quote. */
    private String string(Token t) {
        String text = t.getText();
        int end = text.length() > 1 && text.endsWith("\"") && !escapedQuoteAtEnd(text) ? text.length() - 1 : text.length();
        StringBuilder b = new StringBuilder();
        for (int k = 1; k < end; k++) {
            char c = text.charAt(k);
            if (c != '\\' || k + 1 >= end) {
                b.append(c);
                continue;
            }
            char e = text.charAt(++k);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '"', '\\' -> b.append(e);
                default -> {
                    diagnostics.add(Diagnostic.error(new Span(source, t.getLine(), t.getCharPositionInLine() + k, 2),
                            "unknown escape '\\" + e + "' in string", "use \\\\, \\\", \\n, \\t or \\r"));
                    b.append(e);
                }
            }
        }
        return b.toString();
    }

    /** True for an unterminated literal such as {@code "abc\"} whose last quote is escaped. */
    private static boolean escapedQuoteAtEnd(String text) {
        int backslashes = 0;
        for (int k = text.length() - 2; k >= 1 && text.charAt(k) == '\\'; k--) backslashes++;
        return backslashes % 2 == 1;
    }

    // ------------------------------------------------------------ spans

    private Span span(Token t) {
        return Parser.span(source, t);
    }

    private Span span(TerminalNode n) {
        return span(n.getSymbol());
    }

    /** From the first token to the last token of {@code ctx} on the same line. */
    private Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        Span first = span(start);
        if (stop == null || stop.getTokenIndex() < start.getTokenIndex()) return first;
        for (int k = stop.getTokenIndex(); k > start.getTokenIndex(); k--) {
            Token t = tokens.get(k);
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getLine() == start.getLine()) {
                return first.to(span(t));
            }
        }
        return first;
    }

}
