package dev.strat.stdlib;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceDocTest {

    private final String md = ReferenceDoc.render(StandardLibrary.registry());

    @Test
    void documentsEveryBuiltin() {
        for (Builtin b : StandardLibrary.registry().all()) {
            assertTrue(md.contains("#### " + b.name() + "\n"), b.name() + " heading");
            assertTrue(md.contains("`" + b.signature() + "`"), b.name() + " signature");
            assertTrue(md.contains(b.summary()), b.name() + " summary");
            assertTrue(md.contains(b.example()), b.name() + " example");
            for (ParamSpec p : b.params()) assertTrue(md.contains("| `" + p.name() + "` |"), b.name() + "." + p.name());
        }
    }

    @Test
    void rendersAParameterTable() {
        String olmar = ReferenceDoc.render(StandardLibrary.registry().find("olmar").orElseThrow());
        assertTrue(olmar.contains("| parameter | type | default | range | description |"), olmar);
        assertTrue(olmar.contains("| `window` | bars or length (e.g. 21 or 21d) | `5` | >= 1 |"), olmar);
        assertTrue(olmar.contains("Reference: B. Li and S. C. H. Hoi"), olmar);
        String crp = ReferenceDoc.render(StandardLibrary.registry().find("crp").orElseThrow());
        assertTrue(crp.contains("| `weights` | list of numbers | required | in [0, 1] |"), crp);
        String constrain = ReferenceDoc.render(StandardLibrary.registry().find("constrain").orElseThrow());
        assertTrue(constrain.contains("| `max_weight` | number | `100%` | in [0%, 100%] |"), constrain);
    }

    @Test
    void groupsByKindInEnumOrder() {
        int allocators = md.indexOf("### Allocators"), models = md.indexOf("### Models"), transforms = md.indexOf("### Transforms");
        assertTrue(allocators > 0 && models > allocators && transforms > models, "sections out of order");
        assertTrue(md.indexOf("#### mvo") > models && md.indexOf("#### mvo") < transforms);
    }

    @Test
    void tableRowsHaveFiveCells() {
        for (String line : md.lines().toList()) {
            if (!line.startsWith("| `")) continue;
            String unescaped = line.replace("\\|", "");
            assertEquals(7, unescaped.split("\\|", -1).length, line);
        }
    }

    @Test
    void mainWritesTheFileAtomically(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path out = dir.resolve("reference.md");
        ReferenceDoc.main(new String[]{out.toString()});
        assertEquals(md, Files.readString(out));
        assertEquals(List.of(out), Files.list(dir).toList());
    }
}
