package dev.strat.runtime.rl.algo;

import ai.djl.Device;
import dev.strat.runtime.rl.nn.Compute;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CPU-only half of the GPU parity check ({@link GpuDeviceTest}): the same comparison of one
 * TD3, SAC and PPO update, run here on two CPU agents of separate managers, must find them
 * identical bit for bit. If it did not, a CPU-against-GPU difference could not be read as the
 * devices' rounding; and it proves the census reaches every parameter the update touches.
 */
class DeviceParityTest {

    @Test
    void td3UpdateIsIdenticalOnTwoCpuManagers() {
        check(DeviceParity.td3(Compute.cpu(), Compute.cpu()), List.of("actor.0.weight", "actor_target.0.weight", "critic.0.weight", "critic_target.0.weight"));
    }

    @Test
    void sacUpdateIsIdenticalOnTwoCpuManagers() {
        check(DeviceParity.sac(Compute.cpu(), Compute.cpu()), List.of("actor.0.weight", "critic.0.weight", "critic_target.0.weight"));
    }

    @Test
    void ppoUpdateIsIdenticalOnTwoCpuManagers() {
        check(DeviceParity.ppo(Compute.cpu(), Compute.cpu()), List.of());
    }

    @Test
    void theCensusFindsEveryTensorOnTheCpu() {
        try (Td3 agent = DeviceParity.td3(Compute.cpu())) {
            DeviceParity.update(agent, 1);
            DeviceParity.update(agent, 2);
            TensorCensus census = TensorCensus.of(agent);
            assertEquals(List.of(), census.elsewhere(Device.cpu()));
            assertTrue(census.tensors().size() > census.params().size(), "constants beyond the parameters are found too");
            // A GPU census must not be fooled by a tensor it cannot see: a CPU tensor is reported against a GPU device.
            assertTrue(census.elsewhere(Device.gpu()).size() == census.tensors().size());
        }
    }

    private static void check(DeviceParity.Result r, List<String> mustHave) {
        GpuDeviceTest.report("cpu-parity", r.json());
        assertTrue(r.startEqual(), r.algorithm() + ": both agents start from the same weights");
        assertTrue(r.elements() > 10_000, r.algorithm() + ": the comparison covers the networks, " + r.elements() + " values");
        assertEquals(0.0, r.maxAbs(), r.json());
        assertEquals(0.0, r.lossMaxRel(), r.json());
        assertTrue(!r.losses().isEmpty(), r.algorithm() + ": the update reported losses");
        assertTrue(r.moved() > 1e-5, r.algorithm() + ": the update changed the weights, by " + r.moved());
        assertTrue(r.identical());
        try (Agent probe = switch (r.algorithm()) {
            case "td3" -> DeviceParity.td3(Compute.cpu());
            case "sac" -> DeviceParity.sac(Compute.cpu());
            default -> DeviceParity.ppo(Compute.cpu());
        }) {
            var names = TensorCensus.of(probe).params().keySet();
            for (String name : mustHave) assertTrue(names.contains(name), name + " in " + names);
        }
    }
}
