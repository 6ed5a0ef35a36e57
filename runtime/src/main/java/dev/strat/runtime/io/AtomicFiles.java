package dev.strat.runtime.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that readers see either the old content or the complete new one, never a
 * half-written file: the content goes to a temporary file in the same folder, which is then
 * renamed over the target (atomically where the file system can). Every result, report and
 * checkpoint strat writes goes through here.
 */
public final class AtomicFiles {

    /** Fills a temporary file; used for content produced by libraries that want a path (PNG charts). */
    @FunctionalInterface
    public interface Producer {
        void writeTo(Path temp) throws IOException;
    }

    /** Writes text content into a writer. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Lets {@code producer} fill a temporary file next to {@code target}, then moves it into place.
     * Creates the parent folder; removes the temporary file on failure.
     *
     * @throws UncheckedIOException naming the target when anything fails
     */
    public static Path write(Path target, Producer producer) {
        Path absolute = target.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(absolute.getParent());
            temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            producer.writeTo(temp);
            readableByAll(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }

    /** Writes UTF-8 text produced into a writer. */
    public static Path writeText(Path target, Content content) {
        return write(target, temp -> {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
        });
    }

    /** Writes {@code text} as UTF-8. */
    public static Path writeString(Path target, String text) {
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
}
