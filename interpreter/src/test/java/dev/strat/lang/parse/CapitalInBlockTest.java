package dev.strat.lang.parse;

import dev.strat.lang.ast.Decl;
import dev.strat.lang.ast.ExperimentItem;
import dev.strat.lang.diag.Source;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** 'capital' is a declaration at the top level and a setting inside an experiment block. */
class CapitalInBlockTest {

    @Test
    void capitalStartingALineInsideABlockIsASetting() {
        ParseResult r = Parser.parse(new Source("t.strat", """
                experiment e on m {
                    compare ucrp
                    capital 5_000
                }
                capital 10_000
                """));
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        assertEquals(2, r.program().decls().size());
        Decl.Experiment e = assertInstanceOf(Decl.Experiment.class, r.program().decls().get(0));
        ExperimentItem.Option capital = assertInstanceOf(ExperimentItem.Option.class, e.items().get(1));
        assertEquals("capital", capital.setting().key().name());
        assertInstanceOf(Decl.Capital.class, r.program().decls().get(1));
    }
}
