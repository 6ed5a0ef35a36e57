package dev.strat.runtime.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that readers never see a half-written one: the content goes to a temporary file
 * in the same folder, which is then renamed over the target.
 */
public final class AtomicFiles {

    /** Produces a file's content into a temporary path. */
    @FunctionalInterface
    public interface Producer {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static Path writeString(Path target, String text) throws IOException {
        return write(target, temp -> {
            try (OutputStream out = Files.newOutputStream(temp)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    /** Temporary files are private (0600); a result file is meant to be shared like any other. */
    private static void readableByAll(Path temp) throws IOException {
        if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /**
     * Lets {@code producer} fill a temporary file next to {@code target}, then moves it into place
     * (atomically where the file system can, else replacing). The temporary file is removed on failure.
     */
    public static Path write(Path target, Producer producer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            producer.writeTo(temp);
            readableByAll(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
