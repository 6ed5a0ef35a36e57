package dev.strat.lang.check;

import dev.strat.lang.diag.Source;
import dev.strat.lang.load.FileSourceLoader;
import dev.strat.lang.load.ProgramParser;
import dev.strat.lang.parse.ParseResult;
import dev.strat.lang.parse.Parser;
import dev.strat.lang.load.SourceLoader;
import dev.strat.stdlib.Registry;
import dev.strat.stdlib.StandardLibrary;

import java.util.Optional;

/**
 * What a check needs besides the program: the built-ins, how to read and parse imported files,
 * and optionally a catalog of market data for the checks that look at the data.
 */
public record CheckContext(Registry registry, SourceLoader loader, Optional<MarketCatalog> catalog, ProgramParser parser) {

    /** Imported files are parsed with the language's {@link Parser}. */
    public CheckContext(Registry registry, SourceLoader loader, Optional<MarketCatalog> catalog) {
        this(registry, loader, catalog, CheckContext::parse);
    }

    /** The standard built-ins, imports read from disk, no catalog. */
    public static CheckContext standard() {
        return new CheckContext(StandardLibrary.registry(), FileSourceLoader.ofWorkingDirectory(), Optional.empty());
    }

    /** Parses with the language's parser; the form a {@link ProgramParser} takes. */
    public static ProgramParser.Parsed parse(Source source) {
        ParseResult result = Parser.parse(source);
        return new ProgramParser.Parsed(result.program(), result.diagnostics());
    }
}
