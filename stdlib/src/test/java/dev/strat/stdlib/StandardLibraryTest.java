package dev.strat.stdlib;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandardLibraryTest {

    private final Registry registry = StandardLibrary.registry();

    @Test
    void registersTheClassicAllocatorsAndTransforms() {
        for (String name : List.of("hold", "bah", "ucrp", "crp", "eg", "olmar", "pamr", "corn", "tsm", "csm", "mr", "mvo", "constrain", "rebalance")) {
            assertTrue(registry.find(name).isPresent(), name);
        }
        assertEquals(StageKind.MODEL, registry.find("mvo").orElseThrow().kind());
        assertEquals(StageKind.TRANSFORM, registry.find("constrain").orElseThrow().kind());
        assertEquals(StageKind.TRANSFORM, registry.find("rebalance").orElseThrow().kind());
        assertEquals(StageKind.ALLOCATOR, registry.find("olmar").orElseThrow().kind());
    }

    @Test
    void namesAreUniqueAndLowerCase() {
        Set<String> seen = new HashSet<>();
        for (Builtin b : registry.all()) {
            assertTrue(seen.add(b.name()), "duplicate " + b.name());
            assertTrue(b.name().matches("[a-z][a-z0-9_]*"), b.name());
        }
        assertEquals(seen.size(), registry.names().size());
    }

    @Test
    void everyBuiltinIsDocumented() {
        for (Builtin b : registry.all()) {
            assertFalse(b.summary().isBlank(), b.name() + " summary");
            assertFalse(b.doc().isBlank(), b.name() + " doc");
            assertFalse(b.example().isBlank(), b.name() + " example");
            assertTrue(b.example().contains(b.name()), b.name() + " example should use it: " + b.example());
            assertFalse(b.summary().contains("\n"), b.name() + " summary must be one line");
            if (b.kind() != StageKind.TRANSFORM && !b.name().equals("hold")) {
                assertTrue(b.reference().matches(".*(19|20)\\d\\d.*"), b.name() + " needs a dated paper reference: " + b.reference());
            }
            Set<String> params = new HashSet<>();
            for (ParamSpec p : b.params()) {
                assertTrue(params.add(p.name()), b.name() + " repeats parameter " + p.name());
                assertFalse(p.doc().isBlank(), b.name() + "." + p.name() + " doc");
            }
        }
    }

    @Test
    void defaultsPassTheirOwnChecks() {
        for (Builtin b : registry.all()) {
            for (ParamSpec p : b.params()) {
                if (p.isRequired()) continue;
                assertEquals(java.util.Optional.empty(), p.check(p.defaultValue()), b.name() + "." + p.name());
            }
        }
    }

    @Test
    void signaturesShowDefaults() {
        assertEquals("olmar(window=5, eps=10)", registry.find("olmar").orElseThrow().signature());
        assertEquals("constrain(max_weight=100%, min_weight=0%, min_cash=0%)", registry.find("constrain").orElseThrow().signature());
        assertEquals("pamr(eps=0.5, c=500, variant=pamr)", registry.find("pamr").orElseThrow().signature());
    }

    @Test
    void rangesRejectNonsense() {
        ParamSpec eta = registry.find("eg").orElseThrow().param("eta").orElseThrow();
        assertTrue(eta.check(new Value.Num(-1, false, true)).isPresent());
        ParamSpec window = registry.find("olmar").orElseThrow().param("window").orElseThrow();
        assertTrue(window.check(new Value.Num(0, false, true)).isPresent());
        assertTrue(window.check(new Value.Num(2.5, false, false)).isPresent());
        ParamSpec variant = registry.find("pamr").orElseThrow().param("variant").orElseThrow();
        assertTrue(variant.check(new Value.Word("pamr3")).isPresent());
        assertFalse(variant.check(new Value.Word("pamr2")).isPresent());
    }
}
