package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutations of NRRD, MetaImage and Interfile files (header text and data): only
 * {@link ImageIoException} may escape, with a one-line message.
 */
class TextFormatsFuzzTest {
    /** Per seed file; longer runs: {@code -Dorgandose.fuzzMutations=100000}. */
    private static final int MUTANTS = Integer.getInteger("organdose.fuzzMutations", 1000);
    private static final String[] VALUES = {"0", "-1", "1e308", "nan", "99999999999", "2147483647", "-2147483648", "",
        "(", "none", "LOCAL", "x", "1 2", "\0", "%d", "-0", "3.5"};

    @TempDir
    Path dir;

    private final Random random = new Random(20261127L);
    private int read;
    private int refused;

    interface Reader {
        MedicalImage read(Path file) throws ImageIoException;
    }

    @Test
    void nrrdAndMetaImage() throws Exception {
        for (String name : new String[] {"seed.nrrd", "seed.mha"}) {
            Path seedFile = dir.resolve(name);
            if (name.endsWith(".nrrd")) {
                NrrdWriter.write(TestImages.pattern(TestImages.oblique(), StorageType.INT16), StorageType.INT16, seedFile);
            } else {
                MetaImageWriter.write(TestImages.pattern(TestImages.reflected(), StorageType.FLOAT32), StorageType.FLOAT32, seedFile);
            }
            byte[] seed = Files.readAllBytes(seedFile);
            Reader reader = name.endsWith(".nrrd") ? NrrdReader::read : MetaImageReader::read;
            for (int n = 0; n < MUTANTS; n++) {
                check(reader, dir.resolve("m-" + name), mutate(seed, headerLength(seed)), n);
            }
        }
        System.out.printf("fuzz NRRD and MetaImage: %d mutants tried, %d refused with one line, %d read%n", 2 * MUTANTS,
                refused, read);
    }

    @Test
    void interfile() throws Exception {
        ByteBuffer data = ByteBuffer.allocate(4 * 24).order(ByteOrder.LITTLE_ENDIAN);
        Files.write(dir.resolve("d.i33"), data.array());
        byte[] seed = """
                !INTERFILE :=
                !name of data file := d.i33
                imagedata byte order := LITTLEENDIAN
                !matrix size [1] := 4
                !matrix size [2] := 2
                !matrix size [3] := 3
                !number format := short float
                !number of bytes per pixel := 4
                scaling factor (mm/pixel) [1] := 4.42
                scaling factor (mm/pixel) [2] := 4.42
                scaling factor (mm/pixel) [3] := 2.5
                first pixel offset (mm) [1] := -6.63
                data offset in bytes := 0
                data rescale slope := 2
                !END OF INTERFILE :=
                """.getBytes(StandardCharsets.US_ASCII);
        for (int n = 0; n < MUTANTS; n++) {
            check(InterfileReader::read, dir.resolve("m.h33"), mutate(seed, seed.length), n);
        }
        System.out.printf("fuzz Interfile: %d mutants tried, %d refused with one line, %d read%n", MUTANTS, refused, read);
    }

    private static int headerLength(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n");
        if (end < 0) {
            end = text.indexOf("LOCAL\n") + 5;
        }
        return end + 1;
    }

    private void check(Reader reader, Path file, byte[] bytes, int n) throws Exception {
        Files.write(file, bytes);
        try {
            reader.read(file);
            read++;
        } catch (ImageIoException e) {
            assertThat(e.getMessage()).as("mutant %d of %s", n, file).doesNotContain("\n").startsWith(file.getParent().toString());
            refused++;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("mutant " + n + " of " + file.getFileName() + " threw " + e + "; header: "
                    + new String(Arrays.copyOf(bytes, Math.min(bytes.length, 600)), StandardCharsets.ISO_8859_1), e);
        }
    }

    /** Replaces a header value, flips bytes, drops a line or truncates. */
    private byte[] mutate(byte[] original, int headerLength) {
        String text = new String(original, StandardCharsets.ISO_8859_1);
        switch (random.nextInt(4)) {
            case 0 -> {
                String[] lines = text.substring(0, headerLength).split("\n", -1);
                int line = random.nextInt(lines.length);
                int sep = Math.max(lines[line].indexOf(": "), Math.max(lines[line].indexOf("= "), lines[line].indexOf(":= ")));
                if (sep >= 0) {
                    String[] words = lines[line].substring(sep + 2).trim().split(" ");
                    words[random.nextInt(words.length)] = VALUES[random.nextInt(VALUES.length)];
                    lines[line] = lines[line].substring(0, sep + 2) + " " + String.join(" ", words);
                }
                return (String.join("\n", lines) + text.substring(headerLength)).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 1 -> {
                byte[] b = original.clone();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    b[random.nextInt(random.nextBoolean() ? headerLength : b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case 2 -> {
                String[] lines = text.substring(0, headerLength).split("\n", -1);
                int drop = 1 + random.nextInt(Math.max(1, lines.length - 2));
                StringBuilder s = new StringBuilder();
                for (int l = 0; l < lines.length; l++) {
                    if (l != drop) {
                        s.append(lines[l]).append(l < lines.length - 1 ? "\n" : "");
                    }
                }
                return (s + text.substring(headerLength)).getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> {
                return Arrays.copyOf(original, random.nextInt(original.length));
            }
        }
    }
}
