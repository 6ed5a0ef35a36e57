package dev.strat.runtime.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A binary file is described (not gzip, binary, not CSV), never echoed byte by byte. */
class BinaryFileTest {

    @TempDir
    Path dir;

    private static byte[] noise(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        b[0] = 0x13; // not the gzip magic 1f 8b
        return b;
    }

    /** Both readers of a data file give the same clean message. */
    private List<String> messages(Path file) {
        String load = assertThrows(DataException.class, () -> CsvMarketReader.load(file, CsvOptions.defaults())).getMessage();
        String scan = assertThrows(DataException.class, () -> CsvFileFacts.scan(file)).getMessage();
        return List.of(load, scan);
    }

    private static void assertPrintable(String message) {
        assertFalse(message.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == 0xfffd), message);
    }

    @Test
    void binaryNamedCsvGz() throws IOException {
        Path file = Files.write(dir.resolve("prices.csv.gz"), noise(4096));
        for (String m : messages(file)) {
            // before the fix the header check printed the file's first "line" of raw bytes
            assertPrintable(m);
            assertTrue(m.contains("prices.csv.gz: not a CSV file: it holds binary data"), m);
            assertTrue(m.contains("it is not gzip data"), m);
        }
    }

    @Test
    void aZipArchiveIsNamedAsOne() throws IOException {
        byte[] zip = noise(600);
        zip[0] = 0x50; zip[1] = 0x4b; zip[2] = 0x03; zip[3] = 0x04; zip[4] = 0;
        Path file = Files.write(dir.resolve("prices.csv"), zip);
        for (String m : messages(file)) {
            assertPrintable(m);
            assertTrue(m.contains("starts with bytes 50 4b 03 04, a zip archive"), m);
            assertFalse(m.contains(".gz"), m);
        }
    }

    @Test
    void gzipOfBinaryData() throws IOException {
        Path file = dir.resolve("prices.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(noise(2048));
        }
        for (String m : messages(file)) {
            assertPrintable(m);
            assertTrue(m.contains("the gzip data inside holds binary data"), m);
        }
    }

    @Test
    void textWithAccentsAndTabsIsText() {
        byte[] text = "date,symbol,open,high,low,close,volume\n2020-01-02,Ä\tB,1,1,1,1,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(BinarySniffer.looksBinary(text, text.length));
        assertFalse(BinarySniffer.looksBinary(new byte[0], 0));
    }
}
