import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs JUnit test classes without Maven, for the GPU machine (no Maven, no network there):
 * {@code GpuTests OUT.json CLASS...}. Prints a line a test and writes a JSON summary: counts and
 * each test's status with its failure message or skip reason. Exits 1 when a test failed.
 * Compiled into the bundle by {@code gpu/bundle.sh}; not part of the Maven build.
 */
public final class GpuTests {

    private GpuTests() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GpuTests OUT.json CLASS...");
            System.exit(2);
        }
        List<String> rows = new ArrayList<>();
        int[] counts = new int[4];   // succeeded, failed, aborted, skipped
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (!id.isTest() && !id.isContainer()) return;
                counts[3]++;
                rows.add(row(id, "skipped", reason));
                System.out.println("SKIPPED  " + id.getDisplayName() + ": " + reason);
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                String message = result.getThrowable().map(String::valueOf).orElse("");
                if (!id.isTest()) {
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        counts[1]++;
                        rows.add(row(id, "failed", message));
                        System.out.println("FAILED   " + id.getDisplayName() + ": " + message);
                    }
                    return;
                }
                String status = switch (result.getStatus()) {
                    case SUCCESSFUL -> { counts[0]++; yield "passed"; }
                    case FAILED -> { counts[1]++; yield "failed"; }
                    case ABORTED -> { counts[2]++; yield "aborted"; }
                };
                rows.add(row(id, status, message));
                System.out.println(String.format("%-8s %s %s", status.toUpperCase(), id.getDisplayName(), message));
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(args).skip(1).map(DiscoverySelectors::selectClass).toList())
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);
        String json = "{\"passed\":" + counts[0] + ",\"failed\":" + counts[1] + ",\"aborted\":" + counts[2] + ",\"skipped\":" + counts[3]
                + ",\"tests\":[" + String.join(",", rows) + "]}";
        Files.writeString(Path.of(args[0]), json + "\n", StandardCharsets.UTF_8);
        System.out.println("tests: " + counts[0] + " passed, " + counts[1] + " failed, " + counts[2] + " aborted, " + counts[3] + " skipped");
        System.exit(counts[1] > 0 ? 1 : 0);
    }

    private static String row(TestIdentifier id, String status, String message) {
        String name = id.getUniqueId().replaceAll(".*\\[class:([^\\]]*)\\].*\\[method:([^\\]]*)\\].*", "$1#$2")
                .replaceAll(".*\\[class:([^\\]]*)\\]$", "$1");
        return "{\"test\":\"" + escape(name) + "\",\"status\":\"" + status + "\",\"message\":\"" + escape(message) + "\"}";
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(' ');
            else b.append(c);
        }
        return b.toString();
    }
}
