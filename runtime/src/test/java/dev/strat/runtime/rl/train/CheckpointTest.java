package dev.strat.runtime.rl.train;

import dev.strat.runtime.rl.algo.Losses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {

    static CheckpointContent content(String strategy, byte[] agent) {
        TrainingHistory h = new TrainingHistory("sharpe", new double[] {-1.5, 0.25, Double.NaN}, new int[] {10, 10, 3},
                new double[] {0.1, Double.NEGATIVE_INFINITY}, 4,
                List.of(new Losses(4, Map.of("critic", 0.5)), new Losses(8, ordered("critic", 0.125, "actor", Double.NaN))));
        CheckpointMeta meta = new CheckpointMeta(Checkpoint.FORMAT, "fake", 42, 3, FakeEnv.SPEC.action().toString(), 2, 3, 23,
                "sharpe", Double.NEGATIVE_INFINITY, 1, 0.1, false, Instant.parse("2024-05-01T10:15:30.123Z"));
        return new CheckpointContent(meta, agent, Optional.of(new byte[] {9, 8, 7}), new byte[] {1, 2, 3, 4},
                strategy, h);
    }

    private static Map<String, Double> ordered(String k1, double v1, String k2, double v2) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    static void assertSame(CheckpointContent a, CheckpointContent b) {
        assertEquals(a.meta(), b.meta());
        assertArrayEquals(a.agent(), b.agent());
        assertEquals(a.bestAgent().isPresent(), b.bestAgent().isPresent());
        a.bestAgent().ifPresent(x -> assertArrayEquals(x, b.bestAgent().get()));
        assertArrayEquals(a.normaliser(), b.normaliser());
        assertEquals(a.strategy(), b.strategy());
        assertEquals(a.history(), b.history());
    }

    @Test
    void roundTripKeepsEveryEntry(@TempDir Path tmp) {
        CheckpointContent c = content("strategy rl = td3(window=5) | constrain(max_weight=0.4)\n# ünïcode\n",
                new byte[] {0, -1, 127, -128, 5});
        Path file = Checkpoint.write(tmp.resolve("models/td3.ckpt"), c);
        CheckpointContent back = Checkpoint.read(file);
        assertSame(c, back);
        assertEquals(List.of(file.getFileName()), listing(file.getParent()), "no temporary files left");
        // history with NaN and infinities survives JSON
        assertTrue(Double.isNaN(back.history().episodeRewards()[2]));
        assertEquals(Double.NEGATIVE_INFINITY, back.meta().metric());
        assertEquals(List.of("critic", "actor"), List.copyOf(back.history().losses().get(1).values().keySet()));
    }

    @Test
    void aFailedWriteLeavesThePreviousCheckpoint(@TempDir Path tmp) {
        Path file = tmp.resolve("m.ckpt");
        CheckpointContent first = content("first", new byte[] {1});
        Checkpoint.write(file, first);
        byte[] big = new byte[100_000];
        new java.util.SplittableRandom(1).nextBytes(big);   // incompressible, so the stream really passes the limit
        CheckpointContent second = content("second", big);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> Checkpoint.write(file, second, out -> new FailingAfter(out, 5_000)));
        assertTrue(e.getMessage().contains("cannot write checkpoint") && e.getMessage().contains("disk full"), e.getMessage());
        assertSame(first, Checkpoint.read(file));
        assertEquals(List.of(file.getFileName()), listing(tmp), "the half-written temporary file is gone");
    }

    @Test
    void clearErrorsForMissingCorruptAndForeignFiles(@TempDir Path tmp) throws IOException {
        CheckpointException missing = assertThrows(CheckpointException.class, () -> Checkpoint.read(tmp.resolve("none.ckpt")));
        assertTrue(missing.getMessage().startsWith("no checkpoint at "), missing.getMessage());

        Path text = Files.writeString(tmp.resolve("text.ckpt"), "hello, not a zip");
        CheckpointException foreign = assertThrows(CheckpointException.class, () -> Checkpoint.read(text));
        assertTrue(foreign.getMessage().contains("is not a checkpoint"), foreign.getMessage());

        Path good = Checkpoint.write(tmp.resolve("good.ckpt"), content("s", new byte[50_000]));
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(tmp.resolve("truncated.ckpt"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointException cut = assertThrows(CheckpointException.class, () -> Checkpoint.read(truncated));
        assertTrue(cut.getMessage().contains("corrupt") || cut.getMessage().contains("has no"), cut.getMessage());
    }

    @Test
    void refusesAnAgentOfAnotherKind(@TempDir Path tmp) {
        CheckpointContent c = Checkpoint.read(Checkpoint.write(tmp.resolve("m.ckpt"), content("s", new byte[] {1})));
        FakeAgent fits = new FakeAgent(FakeEnv.SPEC, 1);
        c.requireCompatible(fits);
        var wider = new dev.strat.runtime.rl.EnvSpec(dev.strat.runtime.rl.ObservationLayout.flat(5), FakeEnv.SPEC.action(), 10);
        CheckpointException size = assertThrows(CheckpointException.class, () -> c.requireCompatible(new FakeAgent(wider, 1)));
        assertEquals("the checkpoint's agent sees 3 observations, this one 5", size.getMessage());
        FakeAgent other = new FakeAgent(FakeEnv.SPEC, 1) {
            @Override
            public String algorithm() {
                return "ppo";
            }
        };
        CheckpointException algo = assertThrows(CheckpointException.class, () -> c.requireCompatible(other));
        assertEquals("the checkpoint holds a fake agent, not ppo", algo.getMessage());
    }

    @Test
    void listenerWritesOnEachBestAndAtTheEnd(@TempDir Path tmp) {
        Path file = tmp.resolve("run.ckpt");
        CheckpointListener ckpt = CheckpointListener.onBest(file, new byte[] {4, 2}, "src");
        FakeAgent agent = new FakeAgent(FakeEnv.SPEC, 3);
        TrainingResult r = new Trainer(TrainingConfig.epochs(5, 4), ckpt)
                .train(new FakeEnv(6), agent, new TrainerTest.Scripted(1, 3, 2, 4));
        assertEquals(4, ckpt.written(), "epochs 1, 2 and 4 were new bests, plus the end");
        CheckpointContent c = Checkpoint.read(file);
        assertTrue(c.meta().complete());
        assertEquals(4, c.meta().epoch());
        assertEquals(4, c.meta().bestEpoch());
        assertEquals(5, c.meta().seed());
        assertEquals("fake", c.meta().algorithm());
        assertArrayEquals(Trainer.save(agent), c.agent());
        assertArrayEquals(new byte[] {4, 2}, c.normaliser());
        assertEquals("src", c.strategy());
        assertEquals(r.history(), c.history());
    }

    private static List<Path> listing(Path dir) {
        try (var s = Files.list(dir)) {
            return s.map(Path::getFileName).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Simulates a full disk: fails once more than {@code limit} bytes were written. */
    private static final class FailingAfter extends FilterOutputStream {
        private final long limit;
        private long written;

        FailingAfter(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int n) throws IOException {
            written += n;
            if (written > limit) throw new IOException("disk full");
        }
    }
}
