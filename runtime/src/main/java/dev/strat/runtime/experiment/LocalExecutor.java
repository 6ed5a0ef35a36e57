package dev.strat.runtime.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a plan on this machine: one after another on the calling thread, or with one task per chain
 * on a pool of daemon threads. Chains share nothing, and a chain's runs go in order on one thread,
 * so results are identical at every parallelism.
 */
public final class LocalExecutor implements RunExecutor {

    private final int parallelism;

    /** @param parallelism threads to use; 1 runs everything on the calling thread */
    public LocalExecutor(int parallelism) {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1");
        this.parallelism = parallelism;
    }

    @Override
    public <R, H> List<R> execute(RunPlan plan, RunWork<R, H> work) {
        List<List<RunSpec>> chains = plan.chains();
        List<List<R>> results = new ArrayList<>(chains.size());
        if (parallelism == 1 || chains.size() == 1) {
            for (List<RunSpec> chain : chains) results.add(runChain(chain, work));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, chains.size()), r -> {
                Thread t = new Thread(r, "strat-experiment");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<List<R>>> futures = new ArrayList<>(chains.size());
                for (List<RunSpec> chain : chains) futures.add(pool.submit(() -> runChain(chain, work)));
                for (Future<List<R>> f : futures) results.add(await(f));
            } finally {
                pool.shutdownNow();
                // runs already under way finish (and free what they hold) before the failure is reported
                awaitQuietly(pool);
            }
        }
        List<R> flat = new ArrayList<>(plan.size());
        results.forEach(flat::addAll);
        return flat;
    }

    private static <R, H> List<R> runChain(List<RunSpec> chain, RunWork<R, H> work) {
        List<R> out = new ArrayList<>(chain.size());
        Optional<H> handoff = Optional.empty();
        for (RunSpec run : chain) {
            Done<R, H> done = work.run(run, handoff);
            out.add(done.result());
            handoff = done.handoff();
        }
        return out;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("experiment interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService pool) {
        try {
            if (!pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("runs did not stop within 10 minutes of the experiment's end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
