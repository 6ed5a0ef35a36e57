package dev.strat.lang.fmt;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.Expr;
import dev.strat.lang.ast.ExperimentItem;
import dev.strat.lang.ast.MarketClause;
import dev.strat.lang.ast.MarketSource;
import dev.strat.lang.ast.PipelineExpr;
import dev.strat.lang.ast.Setting;
import dev.strat.lang.ast.SplitSpec;
import dev.strat.lang.ast.StageExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.stream.Collectors;

/**
 * Lays out one declaration as lines: 4-space indentation for market clauses, experiment items
 * and stage blocks; pipelines that do not fit in {@value #WIDTH} columns (or carry comments
 * between their stages) broken before each {@code |} with a 2-space {@code "  | "}
 * continuation; long comma lists wrapped after a comma with an 8-space continuation.
 */
final class DeclLayout {

    static final int WIDTH = 100;
    private static final int INDENT = 4;
    private static final int PIPE_INDENT = 2;

    /** Source lines that hold a comment: a pipeline spanning one of them keeps its line breaks. */
    private final NavigableSet<Integer> commentLines;
    private final List<Line> out = new ArrayList<>();

    private DeclLayout(NavigableSet<Integer> commentLines) {
        this.commentLines = commentLines;
    }

    static List<Line> layout(Decl decl, NavigableSet<Integer> commentLines) {
        DeclLayout l = new DeclLayout(commentLines);
        l.decl(decl);
        return l.out;
    }

    private void decl(Decl decl) {
        int line = decl.span().line();
        switch (decl) {
            case Decl.Import d -> emit(0, "import " + ExprPrinter.quote(d.path()), line);
            case Decl.Market d -> {
                String sources = d.sources().stream().map(DeclLayout::source).collect(Collectors.joining(" + "));
                emit(0, "market " + d.name().name() + " = " + sources, line);
                for (MarketClause c : d.clauses()) clause(c);
            }
            case Decl.Costs d -> list(0, "costs ", d.items().stream().map(s -> item(setting(s), s.span().line())).toList(), line);
            case Decl.Capital d -> emit(0, "capital " + ExprPrinter.print(d.amount()), line);
            case Decl.Split d -> {
                String head = "split " + d.name().name() + " = ";
                if (d.spec() instanceof SplitSpec.Fixed f) {
                    list(0, head, f.parts().stream().map(p -> item(part(p), p.span().line())).toList(), line);
                } else {
                    emit(0, head + split(d.spec()), line);
                }
            }
            case Decl.Strategy d -> pipeline(0, "strategy " + d.name().name() + params(d) + " = ", d.pipeline(), "", line);
            case Decl.Models d -> chain(0, "models " + d.name().name() + " = ", d.value(), line);
            case Decl.Scenarios d -> emit(0, "scenarios " + d.name().name() + " = " + ExprPrinter.call(d.generator()), line);
            case Decl.Goal d -> emit(0, "goal " + ExprPrinter.print(d.condition()) + " at " + ExprPrinter.print(d.at()), line);
            case Decl.Experiment d -> {
                String head = "experiment " + d.name().name() + " on " + d.market().name()
                        + (d.split() == null ? "" : " " + experimentSplit(d.split()));
                if (d.items().isEmpty()) {
                    emit(0, head + " {}", line);
                    return;
                }
                emit(0, head + " {", line);
                for (ExperimentItem item : d.items()) experimentItem(item);
                emit(0, "}", -1);
            }
            case Decl.GuestImport d -> emit(0, "import " + d.language().name() + " " + ExprPrinter.quote(d.path()), line);
            case Decl.Allow d -> emit(0, "allow " + d.access().name() + " " + ExprPrinter.quote(d.path()), line);
            case Decl.Function d -> function(d, line);
            case Decl.Backtest d -> pipeline(0, "backtest ", d.pipeline(),
                    " on " + d.market().name() + (d.split() == null ? "" : " " + experimentSplit(d.split())), line);
        }
    }

    /** The head on one line, the guest code verbatim (it is another language's layout), the closing quotes alone. */
    private void function(Decl.Function d, int line) {
        String params = d.params().stream().map(p -> p.name().name() + ": " + p.type().name()
                + (p.defaultValue() == null ? "" : " = " + ExprPrinter.print(p.defaultValue()))
                + (p.range() == null ? "" : " in " + ExprPrinter.print(p.range()))).collect(Collectors.joining(", "));
        String head = "function " + d.role().name() + " " + d.name().name() + "(" + params + ") = " + d.language().name();
        if (d.code() == null) {
            emit(0, head, line);
            return;
        }
        String quotes = "\"\"\"";
        emit(0, head + " " + quotes, line);
        String code = d.code().endsWith("\n") ? d.code().substring(0, d.code().length() - 1) : d.code();
        for (String l : code.split("\n", -1)) out.add(new Line(0, l.stripTrailing(), -1));
        out.add(new Line(0, quotes, -1));
    }

    // ------------------------------------------------------------ pieces

    private static String source(MarketSource s) {
        return switch (s) {
            case MarketSource.File f -> ExprPrinter.call(f.call());
            case MarketSource.Synthetic f -> "synthetic " + ExprPrinter.call(f.call());
            case MarketSource.Cash c -> "cash";
        };
    }

    private void clause(MarketClause c) {
        int line = c.span().line();
        switch (c) {
            case MarketClause.Symbols s -> list(INDENT, "symbols ", s.symbols().stream()
                    .map(i -> item(i.name(), i.span().line())).toList(), line);
            case MarketClause.Classes s -> list(INDENT, "classes ", s.classes().stream().map(a -> item(a.name().name() + ": ["
                    + a.members().stream().map(m -> m.name()).collect(Collectors.joining(", ")) + "]", a.span().line())).toList(), line);
            case MarketClause.Features s -> list(INDENT, "features ", s.features().stream()
                    .map(e -> item(ExprPrinter.print(e), e.span().line())).toList(), line);
        }
    }

    private static String setting(Setting s) {
        return s.key().name() + " " + s.values().stream().map(ExprPrinter::print).collect(Collectors.joining(", "));
    }

    private static String part(SplitSpec.Part p) {
        return p.role().name() + " " + ExprPrinter.print(p.period());
    }

    private static String split(SplitSpec spec) {
        return switch (spec) {
            case SplitSpec.Named n -> n.name().name();
            case SplitSpec.Fixed f -> f.parts().stream().map(DeclLayout::part).collect(Collectors.joining(", "));
            case SplitSpec.Rolling r -> ExprPrinter.call(r.call());
        };
    }

    private static String experimentSplit(SplitSpec spec) {
        return spec instanceof SplitSpec.Rolling ? split(spec) : "split " + split(spec);
    }

    private void experimentItem(ExperimentItem item) {
        int line = item.span().line();
        switch (item) {
            case ExperimentItem.Compare c -> list(INDENT, "compare ", c.entries().stream().map(e -> item(
                    compareEntry(e), e.span().line())).toList(), line);
            case ExperimentItem.Option o -> list(INDENT, o.setting().key().name() + " ", o.setting().values().stream()
                    .map(v -> item(ExprPrinter.print(v), v.span().line())).toList(), line);
        }
    }

    /** {@code (m = 0.8, v = 0.005)}, or nothing for a strategy without parameters. */
    private static String params(Decl.Strategy d) {
        if (d.params().isEmpty()) return "";
        return d.params().stream().map(p -> p.name().name() + (p.defaultValue() == null ? "" : " = " + ExprPrinter.print(p.defaultValue())))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code alias = pipeline}, or a sweep {@code [pipeline for x in a, b for y in c]}. */
    private static String compareEntry(ExperimentItem.Entry e) {
        if (e.sweeps().isEmpty()) return (e.alias() == null ? "" : e.alias().name() + " = ") + inlinePipeline(e.pipeline());
        return "[" + inlinePipeline(e.pipeline()) + e.sweeps().stream().map(s -> " for " + s.variable().name() + " in "
                + s.values().stream().map(ExprPrinter::print).collect(Collectors.joining(", "))).collect(Collectors.joining()) + "]";
    }

    // ------------------------------------------------------------ pipelines

    /** A pipeline on one line, blocks written inline with ';' between parts. */
    private static String inlinePipeline(PipelineExpr p) {
        return p.stages().stream().map(s -> stageHead(s) + (s.block().isEmpty() ? "" : " { "
                + s.block().stream().map(DeclLayout::blockPart).collect(Collectors.joining("; ")) + " }"))
                .collect(Collectors.joining(" | "));
    }

    private static String stageHead(StageExpr s) {
        StringBuilder b = new StringBuilder();
        if (s.kind() != null) b.append(s.kind().name()).append(' ');
        b.append(ExprPrinter.print(s.target()));
        for (StageExpr.Clause c : s.clauses()) b.append(' ').append(c.keyword().name()).append(' ').append(ExprPrinter.print(c.value()));
        return b.toString();
    }

    private static String blockPart(StageExpr.BlockPart p) {
        StringBuilder b = new StringBuilder(p.role().name()).append(' ').append(ExprPrinter.print(p.value()));
        for (StageExpr.Clause c : p.clauses()) b.append(' ').append(c.keyword().name()).append(' ').append(ExprPrinter.print(c.value()));
        return b.toString();
    }

    /**
     * {@code prefix stage | stage suffix} on one line when it fits and nothing forces a break;
     * otherwise the first stage after the prefix and each further stage on its own {@code "  | "}
     * line. A stage with a block opens it at the end of its line.
     */
    private void pipeline(int indent, String prefix, PipelineExpr p, String suffix, int line) {
        List<StageExpr> stages = p.stages();
        boolean blocks = stages.stream().anyMatch(s -> !s.block().isEmpty());
        String flat = stages.stream().map(DeclLayout::stageHead).collect(Collectors.joining(" | "));
        boolean broken = indent + prefix.length() + flat.length() + suffix.length() > WIDTH
                || stages.subList(0, stages.size() - 1).stream().anyMatch(s -> !s.block().isEmpty())
                || commentInside(stages);
        if (!broken && !blocks) {
            emit(indent, prefix + flat + suffix, line);
            return;
        }
        if (!broken) {
            // only the last stage has a block
            String head = stages.subList(0, stages.size() - 1).stream().map(s -> stageHead(s) + " | ").collect(Collectors.joining());
            stage(indent, prefix + head, stages.getLast(), suffix, line);
            return;
        }
        for (int k = 0; k < stages.size(); k++) {
            StageExpr s = stages.get(k);
            String tail = k == stages.size() - 1 ? suffix : "";
            if (k == 0) stage(indent, prefix, s, tail, line);
            else stage(indent + PIPE_INDENT, "| ", s, tail, s.span().line());
        }
    }

    private void stage(int indent, String prefix, StageExpr s, String suffix, int line) {
        if (s.block().isEmpty()) {
            String flat = prefix + stageHead(s) + suffix;
            if (indent + flat.length() > WIDTH && s.clauses().isEmpty() && s.target() instanceof Expr.Call c && c.args().size() > 1) {
                wrappedCall(indent, prefix + (s.kind() != null ? s.kind().name() + " " : ""), c, suffix, line);
            } else {
                emit(indent, flat, line);
            }
            return;
        }
        emit(indent, prefix + stageHead(s) + " {", line);
        for (StageExpr.BlockPart part : s.block()) emit(indent + INDENT, blockPart(part), part.span().line());
        emit(indent, "}" + suffix, -1);
    }

    /**
     * A call too wide for one line: arguments packed greedily, continuation lines aligned one
     * column after the opening parenthesis, as a person would wrap an agent's long argument list.
     */
    private void wrappedCall(int indent, String prefix, Expr.Call c, String suffix, int line) {
        String open = prefix + c.callee().name() + "(";
        int column = indent + open.length();
        List<String> args = c.args().stream()
                .map(a -> a.name() == null ? ExprPrinter.print(a.value()) : a.name().name() + "=" + ExprPrinter.print(a.value()))
                .toList();
        StringBuilder current = new StringBuilder(open);
        int currentIndent = indent;
        int anchor = line;
        for (int k = 0; k < args.size(); k++) {
            String text = args.get(k) + (k == args.size() - 1 ? ")" + suffix : ",");
            boolean first = current.length() == open.length() && currentIndent == indent;
            boolean fresh = current.isEmpty();
            if (!first && !fresh && currentIndent + current.length() + 1 + text.length() > WIDTH) {
                emit(currentIndent, current.toString(), anchor);
                anchor = -1;
                current = new StringBuilder();
                currentIndent = column;
                fresh = true;
            }
            if (!first && !fresh) current.append(' ');
            current.append(text);
        }
        emit(currentIndent, current.toString(), anchor);
    }

    private boolean commentInside(List<StageExpr> stages) {
        int first = stages.getFirst().span().line();
        int last = stages.getLast().span().line();
        Integer c = commentLines.ceiling(first);
        return c != null && c < last;
    }

    // ------------------------------------------------------------ lists and chains

    private record Item(String text, int line) { }

    private static Item item(String text, int line) {
        return new Item(text, line);
    }

    /** {@code head a, b, c}; wrapped after a comma, continuation indented by 8, when too wide. */
    private void list(int indent, String head, List<Item> items, int line) {
        StringBuilder current = new StringBuilder(head);
        int currentIndent = indent;
        int currentLine = line;
        boolean fresh = true;
        for (int k = 0; k < items.size(); k++) {
            Item item = items.get(k);
            String text = item.text() + (k < items.size() - 1 ? "," : "");
            boolean fits = currentIndent + current.length() + (fresh ? 0 : 1) + text.length() <= WIDTH;
            if (!fresh && !fits) {
                emit(currentIndent, current.toString(), currentLine);
                current = new StringBuilder();
                currentIndent = indent + 2 * INDENT;
                currentLine = item.line();
                fresh = true;
            }
            if (!fresh) current.append(' ');
            current.append(text);
            fresh = false;
        }
        emit(currentIndent, current.toString(), currentLine);
    }

    /** {@code head a + b + c}; broken before each top-level + or - with a 2-space continuation when too wide. */
    private void chain(int indent, String head, Expr value, int line) {
        String flat = ExprPrinter.print(value);
        if (indent + head.length() + flat.length() <= WIDTH || !(value instanceof Expr.Binary b) || !additive(b)) {
            emit(indent, head + flat, line);
            return;
        }
        List<Expr> terms = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        Expr e = value;
        while (e instanceof Expr.Binary bin && additive(bin)) {
            terms.addFirst(bin.right());
            ops.addFirst(bin.op());
            e = bin.left();
        }
        emit(indent, head + ExprPrinter.print(e), line);
        for (int k = 0; k < terms.size(); k++) {
            Expr t = terms.get(k);
            String text = ExprPrinter.print(t);
            // a right operand of the same precedence needs its parentheses back
            if (t instanceof Expr.Binary tb && additive(tb)) text = "(" + text + ")";
            emit(indent + PIPE_INDENT, ops.get(k) + " " + text, t.span().line());
        }
    }

    private static boolean additive(Expr.Binary b) {
        return b.op().equals("+") || b.op().equals("-");
    }

    private static final java.util.regex.Pattern DECLARATION_WORD = java.util.regex.Pattern.compile(
            "(import|market|costs|capital|split|strategy|models|scenarios|goal|experiment|backtest)\\b.*");

    private void emit(int indent, String raw, int anchor) {
        String text = raw.stripTrailing();
        if (!out.isEmpty() && DECLARATION_WORD.matcher(text).matches()) {
            // a declaration keyword that starts a line starts a declaration: when it is a name here
            // (an option key, a block role, a list item), keep it off the start of the line
            Line prev = out.removeLast();
            String joint = prev.text().endsWith("{") || prev.text().endsWith(",") ? " " : "; ";
            out.add(new Line(prev.indent(), prev.text() + joint + text, prev.anchor()));
            return;
        }
        out.add(new Line(indent, text, anchor));
    }
}
