package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * Several networks, each on its own column slice {@code [from, to)} of the input, their outputs
 * concatenated in tower order and, when there is a head, passed through it.
 */
final class Towers implements Module {

    private final List<Module> nets;
    private final List<NDIndex> slices;
    private final Module head;
    private final int outputs;

    Towers(List<Module> nets, List<NetSpec.Tower> towers, Module head) {
        this.nets = List.copyOf(nets);
        this.slices = new ArrayList<>();
        for (NetSpec.Tower t : towers) slices.add(new NDIndex(":, {}:{}", t.from(), t.to()));
        this.head = head;
        int sum = 0;
        for (Module m : nets) sum += m.outputSize();
        this.outputs = head == null ? sum : head.outputSize();
    }

    @Override
    public NDArray forward(NDArray input, Mode mode) {
        NDList parts = new NDList(nets.size());
        for (int k = 0; k < nets.size(); k++) parts.add(nets.get(k).forward(input.get(slices.get(k)), mode));
        NDArray joined = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 1);
        return head == null ? joined : head.forward(joined, mode);
    }

    @Override
    public int outputSize() {
        return outputs;
    }

    @Override
    public List<Param> parameters() {
        List<Param> all = new ArrayList<>();
        for (Module m : nets) all.addAll(m.parameters());
        if (head != null) all.addAll(head.parameters());
        return all;
    }

    @Override
    public List<Param> states() {
        List<Param> all = new ArrayList<>();
        for (Module m : nets) all.addAll(m.states());
        if (head != null) all.addAll(head.states());
        return all;
    }
}
