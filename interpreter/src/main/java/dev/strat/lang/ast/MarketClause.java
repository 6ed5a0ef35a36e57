package dev.strat.lang.ast;

import dev.strat.lang.diag.Span;

import java.util.List;

/** A clause after a market's sources. */
public sealed interface MarketClause extends Node {

    /** {@code symbols AAPL, MSFT}. */
    record Symbols(List<Ident> symbols, Span span) implements MarketClause {
        public Symbols { symbols = List.copyOf(symbols); }
    }

    /** {@code classes crypto: [BTC, ETH], stock: [AAPL]}. */
    record Classes(List<AssetClass> classes, Span span) implements MarketClause {
        public Classes { classes = List.copyOf(classes); }
    }

    /**
     * {@code features ohlcv, ta(all)}: parsed so that the checker can say where observation
     * features belong (the agent's {@code features=[...]}) instead of a bare syntax error.
     */
    record Features(List<Expr> features, Span span) implements MarketClause {
        public Features { features = List.copyOf(features); }
    }

    /** One named class and its members. */
    record AssetClass(Ident name, List<Ident> members, Span span) implements Node {
        public AssetClass { members = List.copyOf(members); }
    }
}
