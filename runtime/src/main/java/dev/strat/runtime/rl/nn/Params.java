package dev.strat.runtime.rl.nn;

import ai.djl.ndarray.NDArray;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/** Operations on whole parameter lists: copies, Polyak averaging, serialisation. */
public final class Params {

    private Params() {
    }

    /** {@code target <- source}, parameter by parameter (lists built from the same spec). */
    public static void copy(List<Param> source, List<Param> target) {
        check(source, target);
        for (int k = 0; k < source.size(); k++) Tensors.write(target.get(k).value(), source.get(k).value().toFloatArray());
    }

    /**
     * Polyak update {@code target <- (1 - tau) target + tau source}: on the CPU one fused pass
     * per parameter in Java; elsewhere {@code target -= tau (target - source)}, three native calls.
     */
    public static void softUpdate(List<Param> source, List<Param> target, double tau) {
        check(source, target);
        float f = (float) tau;
        for (int k = 0; k < source.size(); k++) {
            softUpdate(source.get(k).value(), target.get(k).value(), f);
        }
    }

    /** {@code target <- (1 - tau) target + tau source} for one tensor of the same shape, in place. */
    public static void softUpdate(NDArray source, NDArray target, float tau) {
        if (HostKernels.onHost(target) && HostKernels.onHost(source)) {
            HostKernels.lerp(HostKernels.view(target), HostKernels.view(source), tau);
            return;
        }
        try (NDArray d = target.sub(source)) {
            target.subi(d.muli(tau));
        }
    }

    /** Total number of scalars. */
    public static long count(List<Param> params) {
        long n = 0;
        for (Param p : params) n += p.value().size();
        return n;
    }

    /** Writes every parameter (name, size, values). */
    public static void save(DataOutputStream out, List<Param> params) throws IOException {
        out.writeInt(params.size());
        for (Param p : params) {
            out.writeUTF(p.name());
            write(out, p.value());
        }
    }

    /** Reads what {@link #save} wrote into parameters of the same names and sizes. */
    public static void load(DataInputStream in, List<Param> params) throws IOException {
        int n = in.readInt();
        if (n != params.size()) throw new IOException("checkpoint holds " + n + " tensors, the network has " + params.size());
        for (Param p : params) {
            String name = in.readUTF();
            if (!name.equals(p.name())) throw new IOException("checkpoint tensor '" + name + "' where '" + p.name() + "' was expected");
            read(in, p.value(), name);
        }
    }

    static void write(DataOutputStream out, NDArray a) throws IOException {
        write(out, a.toFloatArray());
    }

    static void write(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v.length);
        for (float x : v) out.writeFloat(x);
    }

    static void read(DataInputStream in, NDArray a, String what) throws IOException {
        float[] v = new float[Math.toIntExact(a.size())];
        read(in, v, what);
        Tensors.write(a, v);
    }

    /** Reads what {@link #write(DataOutputStream, float[])} wrote into {@code into}, which has the expected length. */
    static void read(DataInputStream in, float[] into, String what) throws IOException {
        int n = in.readInt();
        if (n != into.length) throw new IOException("checkpoint tensor " + what + " has " + n + " values, expected " + into.length);
        for (int k = 0; k < n; k++) into[k] = in.readFloat();
    }

    private static void check(List<Param> a, List<Param> b) {
        if (a.size() != b.size()) throw new IllegalArgumentException("parameter lists differ in length");
    }
}
