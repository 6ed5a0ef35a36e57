package dev.strat.runtime.rl.algo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.strat.runtime.rl.nn.Activation;
import dev.strat.runtime.rl.nn.Adam;
import dev.strat.runtime.rl.nn.Compute;
import dev.strat.runtime.rl.nn.Init;
import dev.strat.runtime.rl.nn.Param;
import dev.strat.runtime.rl.nn.Tensors;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class StackedMlpTest {

    @Test
    void parameterViewsShareTheFlatStorage() {
        try (NDManager m = Compute.engine().newBaseManager()) {
            Tensors.noGrad();
            StackedMlp a = new StackedMlp(m, "a", 2, 3, List.of(4), 1, Activation.RELU, Activation.IDENTITY, Init.torchDefault(), new SplittableRandom(1));
            StackedMlp b = new StackedMlp(m, "b", 2, 3, List.of(4), 1, Activation.RELU, Activation.IDENTITY, Init.torchDefault(), new SplittableRandom(2));
            float[] before = a.parameters().get(0).value().toFloatArray();
            a.softUpdateFrom(b, 0f);
            a.parameters().get(0).value().addi(1f);
            assertEquals(before[0] + 1, a.parameters().get(0).value().toFloatArray()[0], 1e-6, "in place on the view");
            b.softUpdateFrom(a, 1f);
            assertEquals(before[0] + 1, b.parameters().get(0).value().toFloatArray()[0], 1e-6, "soft update through the flat storage");
            float[] w = new float[24];
            for (int i = 0; i < w.length; i++) w[i] = i;
            Tensors.write(a.parameters().get(0).value(), w);
            assertArrayEquals(w, a.parameters().get(0).value().toFloatArray());
            b.copyFrom(a);
            assertArrayEquals(w, b.parameters().get(0).value().toFloatArray(), "copy through the flat storage");
            NDArray x = m.create(new float[] {1, 2, 3}, new Shape(1, 3));
            float[] all = a.forward(x).toFloatArray();
            float[] first = a.forwardFirstDetached(x).toFloatArray();
            assertEquals(all[0], first[0], 1e-6, "detached member 0 sees the new weights");
            Tensors.recording(true);
            float[] recorded;
            try {
                recorded = a.forward(x).toFloatArray();   // through views split off the flat leaf
            } finally {
                Tensors.recording(false);
            }
            assertArrayEquals(all, recorded, 1e-6f);
        }
    }

    private static StackedMlp twins(NDManager m, StackedMlp.Layout layout, long seed) {
        return new StackedMlp(m, "q", 2, 5, List.of(4, 3), 1, Activation.RELU, Activation.IDENTITY, Init.torchDefault(),
                new SplittableRandom(seed), layout);
    }

    @Test
    void theLayoutFollowsTheLayerSize() {
        try (NDManager m = Compute.engine().newBaseManager()) {
            Tensors.noGrad();
            // The benchmark's small critics (61 + 11 inputs, 64-64) are overhead-bound: batched.
            StackedMlp small = new StackedMlp(m, "s", 2, 72, List.of(64, 64), 1, Activation.RELU, Activation.IDENTITY,
                    Init.torchDefault(), new SplittableRandom(1));
            assertEquals(StackedMlp.Layout.BATCHED, small.layout());
            // The paper size (641 + 11 inputs, 400-300) is arithmetic-bound: one linear chain per member.
            StackedMlp paper = new StackedMlp(m, "p", 2, 652, List.of(400, 300), 1, Activation.RELU, Activation.IDENTITY,
                    Init.torchDefault(), new SplittableRandom(1));
            assertEquals(StackedMlp.Layout.PER_MEMBER, paper.layout());
            assertEquals(List.of("p.0.0.weight", "p.0.0.bias", "p.0.1.weight", "p.0.1.bias", "p.0.2.weight", "p.0.2.bias",
                            "p.1.0.weight", "p.1.0.bias", "p.1.1.weight", "p.1.1.bias", "p.1.2.weight", "p.1.2.bias"),
                    paper.parameters().stream().map(Param::name).toList());
            assertEquals(new Shape(400, 652), paper.parameters().get(0).value().getShape());
            StackedMlp one = new StackedMlp(m, "a", 1, 72, List.of(64), 11, Activation.RELU, Activation.TANH,
                    Init.torchDefault(), new SplittableRandom(1));
            assertEquals(StackedMlp.Layout.PER_MEMBER, one.layout());
            assertThrows(IllegalArgumentException.class, () -> new StackedMlp(m, "x", 1, 3, List.of(2), 1, Activation.RELU,
                    Activation.IDENTITY, Init.torchDefault(), new SplittableRandom(1), StackedMlp.Layout.BATCHED));
        }
    }

    /**
     * Both layouts hold the same initial weights for a seed, so they must compute the same
     * function, before and after a training step (which proves their gradients agree too).
     */
    @Test
    void bothLayoutsComputeTheSameFunctionAndGradients() {
        try (NDManager m = Compute.engine().newBaseManager()) {
            Tensors.noGrad();
            StackedMlp batched = twins(m, StackedMlp.Layout.BATCHED, 7);
            StackedMlp perMember = twins(m, StackedMlp.Layout.PER_MEMBER, 7);
            float[] in = new float[3 * 5];
            SplittableRandom r = new SplittableRandom(3);
            for (int i = 0; i < in.length; i++) in[i] = (float) (r.nextDouble() * 2 - 1);
            NDArray x = m.create(in, new Shape(3, 5));
            assertArrayEquals(batched.forward(x).toFloatArray(), perMember.forward(x).toFloatArray(), 1e-6f);
            assertArrayEquals(batched.forwardFirstDetached(x).toFloatArray(), perMember.forwardFirstDetached(x).toFloatArray(), 1e-6f);
            assertEquals(new Shape(2, 3, 1), perMember.forward(x).getShape());
            float[] both = perMember.forward(x).toFloatArray();
            float[] first = perMember.forwardFirstDetached(x).toFloatArray();
            assertArrayEquals(new float[] {both[0], both[1], both[2]}, first, 1e-7f, "member 0 alone");

            Adam a = new Adam(m, batched.trainable(), 0.01);
            Adam b = new Adam(m, perMember.trainable(), 0.01);
            for (StackedMlp net : List.of(batched, perMember)) {
                Tensors.recording(true);
                try (NDManager scope = m.newSubManager()) {
                    NDArray q = net.forward(x.duplicate());
                    // member 1's outputs weigh double, so a mix-up of members would show
                    NDArray loss = q.get(0).square().sum().add(q.get(1).mul(2).sum());
                    Tensors.backward(loss);
                } finally {
                    Tensors.recording(false);
                }
            }
            a.step();
            b.step();
            assertArrayEquals(batched.forward(x).toFloatArray(), perMember.forward(x).toFloatArray(), 1e-5f);
            assertFalse(java.util.Arrays.equals(both, perMember.forward(x).toFloatArray()), "the step changed the outputs");
        }
    }

    @Test
    void theCriticPassOfTheActorLeavesTheCriticWithoutGradients() {
        try (NDManager m = Compute.engine().newBaseManager()) {
            Tensors.noGrad();
            // tanh units: no dead ReLU can zero the input's gradient by chance
            StackedMlp q = new StackedMlp(m, "q", 2, 5, List.of(4, 3), 1, Activation.TANH, Activation.IDENTITY, Init.torchDefault(),
                    new SplittableRandom(5), StackedMlp.Layout.PER_MEMBER);
            NDArray x = m.create(new float[] {0.1f, -0.2f, 0.3f, 0.4f, -0.5f}, new Shape(1, 5));
            x.setRequiresGradient(true);
            Tensors.recording(true);
            try (NDManager scope = m.newSubManager()) {
                Tensors.backward(q.forwardFirstDetached(x).sum());
            } finally {
                Tensors.recording(false);
            }
            float[] dx = x.getGradient().toFloatArray();
            double norm = 0;
            for (float d : dx) norm += d * d;
            assertTrue(norm > 0, "the input gets a gradient (it is the actor's action)");
            for (Param p : q.trainable()) {
                assertFalse(JniUtils.requiresGrad((ai.djl.pytorch.engine.PtNDArray) p.value()) && hasGradient(p.value()),
                        p.name() + " got a gradient");
            }
        }
    }

    /**
     * The split pass of the actor's loss ({@code [obs | action]} without concatenating) computes
     * what the concatenated pass computes, in both layouts, and the action's gradient equals the
     * concatenated input's gradient in the action columns; the observation gets none.
     */
    @Test
    void theSplitInputPassMatchesTheConcatenatedOne() {
        for (StackedMlp.Layout layout : StackedMlp.Layout.values()) {
            try (NDManager m = Compute.engine().newBaseManager()) {
                Tensors.noGrad();
                StackedMlp q = new StackedMlp(m, "q", 2, 5, List.of(4, 3), 1, Activation.TANH, Activation.IDENTITY, Init.torchDefault(),
                        new SplittableRandom(11), layout);
                q.splitInputAt(3);
                float[] obsValues = {0.1f, -0.2f, 0.3f, 0.7f, 0.2f, -0.9f};
                float[] actValues = {0.4f, -0.5f, -0.3f, 0.6f};
                NDArray obs = m.create(obsValues, new Shape(2, 3));
                NDArray whole = m.create(new float[] {0.1f, -0.2f, 0.3f, 0.4f, -0.5f, 0.7f, 0.2f, -0.9f, -0.3f, 0.6f}, new Shape(2, 5));
                NDArray action = m.create(actValues, new Shape(2, 2));
                whole.setRequiresGradient(true);
                action.setRequiresGradient(true);
                float[] both;
                float[] first;
                Tensors.recording(true);
                try (NDManager scope = m.newSubManager()) {
                    NDArray split = q.forwardDetached(obs, action);
                    assertArrayEquals(q.forwardDetached(whole).toFloatArray(), split.toFloatArray(), 1e-6f, layout + ": all members");
                    both = split.toFloatArray();
                    NDArray one = q.forwardFirstDetached(obs, action);
                    first = one.toFloatArray();
                    Tensors.backward(one.sum());
                    Tensors.backward(q.forwardFirstDetached(whole).sum());
                } finally {
                    Tensors.recording(false);
                }
                assertArrayEquals(new float[] {both[0], both[1]}, first, 1e-6f, layout + ": member 0");
                float[] dWhole = whole.getGradient().toFloatArray();
                float[] dAction = action.getGradient().toFloatArray();
                assertArrayEquals(new float[] {dWhole[3], dWhole[4], dWhole[8], dWhole[9]}, dAction, 1e-6f, layout + ": the action's gradient");
                assertNotEquals(0f, dAction[0], layout + ": a gradient reached the action");
                assertFalse(JniUtils.requiresGrad((ai.djl.pytorch.engine.PtNDArray) obs), "the observation records nothing");
                assertThrows(IllegalArgumentException.class, () -> q.forwardDetached(action, obs), "a mis-split input");
            }
        }
    }

    private static boolean hasGradient(NDArray leaf) {
        try (NDArray g = leaf.getGradient()) {
            for (float v : g.toFloatArray()) if (v != 0) return true;
            return false;
        } catch (RuntimeException undefined) {
            return false;
        }
    }
}
