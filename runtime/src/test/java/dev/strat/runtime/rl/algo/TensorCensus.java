package dev.strat.runtime.rl.algo;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.strat.runtime.rl.nn.Param;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * Every tensor an agent holds, found by walking its object graph (its fields, and the fields of
 * strat objects they reach, lists, maps and arrays included): the named parameters and every
 * other live tensor (optimiser moments, constants, target networks).
 *
 * <p>Why reflection: the point is to catch a tensor nobody thought of (an optimiser state or a
 * constant left on the CPU), so the census must not depend on a list each class keeps of itself.
 * It does not enter DJL's own objects: a manager is not walked, only the tensors strat keeps.
 *
 * @param params  the parameters by name, in the order first reached
 * @param tensors every distinct tensor reached, parameters included
 */
record TensorCensus(Map<String, NDArray> params, List<NDArray> tensors) {

    static TensorCensus of(Object root) {
        Map<String, NDArray> params = new LinkedHashMap<>();
        List<NDArray> tensors = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Object o = todo.removeFirst();
            if (o == null || !seen.add(o)) continue;
            if (o instanceof NDArray a) {
                tensors.add(a);
                continue;
            }
            if (o instanceof Param p) {
                params.putIfAbsent(p.name(), p.value());
                todo.addFirst(p.value());
                continue;
            }
            if (o instanceof NDManager) continue;
            if (o instanceof Collection<?> c) {
                List<Object> items = new ArrayList<>(c);
                for (int i = items.size() - 1; i >= 0; i--) push(todo, items.get(i));
                continue;
            }
            if (o instanceof Map<?, ?> m) {
                List<Object> items = new ArrayList<>(m.values());
                for (int i = items.size() - 1; i >= 0; i--) push(todo, items.get(i));
                continue;
            }
            Class<?> type = o.getClass();
            if (type.isArray()) {
                if (type.getComponentType().isPrimitive()) continue;
                for (int i = Array.getLength(o) - 1; i >= 0; i--) push(todo, Array.get(o, i));
                continue;
            }
            if (!type.getName().startsWith("dev.strat.")) continue;
            List<Object> children = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                List<Object> level = new ArrayList<>();
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                    try {
                        f.setAccessible(true);
                        level.add(f.get(o));
                    } catch (RuntimeException | IllegalAccessException e) {
                        // A field of a hidden (lambda) class: nothing of ours lives there.
                    }
                }
                children.addAll(0, level);   // superclass fields first, so the order is stable
            }
            for (int i = children.size() - 1; i >= 0; i--) push(todo, children.get(i));
        }
        return new TensorCensus(Collections.unmodifiableMap(params), List.copyOf(tensors));
    }

    /** ArrayDeque refuses nulls; an unset field holds nothing to visit. */
    private static void push(Deque<Object> todo, Object o) {
        if (o != null) todo.addFirst(o);
    }

    /** The tensors not on {@code device}, described (empty when all are there). */
    List<String> elsewhere(Device device) {
        List<String> out = new ArrayList<>();
        Map<NDArray, String> names = new IdentityHashMap<>();
        params.forEach((name, value) -> names.put(value, name));
        for (NDArray a : tensors) {
            if (!device.equals(a.getDevice())) {
                out.add(names.getOrDefault(a, "unnamed " + a.getShape()) + " on " + a.getDevice());
            }
        }
        return out;
    }

    /** Every parameter's values, copied to Java by name. */
    Map<String, float[]> values() {
        Map<String, float[]> out = new LinkedHashMap<>();
        params.forEach((name, value) -> out.put(name, value.toFloatArray()));
        return out;
    }
}
