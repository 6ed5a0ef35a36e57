package dev.strat.cli;

import dev.strat.lang.diag.Source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads .strat files for the command line, turning every way a read can fail into a
 * {@link UserError} with a one-line message.
 */
public final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * Reads {@code name} (as the user typed it, resolved against {@code cwd}) as UTF-8 text.
     * The returned source keeps the name as typed, so diagnostics show what the user wrote.
     */
    public static Source read(String name, Path cwd) {
        Path path = cwd.resolve(name);
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) throw new UserError("cannot read '" + name + "': it is a directory");
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read '" + name + "': no such file");
        } catch (AccessDeniedException e) {
            throw new UserError("cannot read '" + name + "': permission denied");
        } catch (IOException e) {
            throw new UserError("cannot read '" + name + "': " + e.getMessage());
        }
        return new Source(name, decode(name, bytes));
    }

    private static String decode(String name, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            // a byte order mark is not part of the program
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new UserError("cannot read '" + name + "': not UTF-8 text");
        }
    }
}
