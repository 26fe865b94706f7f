package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded byte mutations of small valid NIfTI files: whatever the bytes, the reader either
 * returns an image or throws {@link ImageIoException} with a one-line message. Mutations favour
 * the header, where sizes, offsets and codes live; gzipped files are mutated both before
 * compression (header fields behind gzip) and after (broken deflate streams).
 */
class NiftiFuzzTest {
    /** Per variant; longer runs: {@code mvn -pl image test -Dtest='*FuzzTest' -Dorgandose.fuzzMutations=100000}. */
    private static final int MUTANTS_PER_VARIANT = Integer.getInteger("organdose.fuzzMutations", 3000);
    private static final long SEED = 20261127L;

    @TempDir
    Path dir;

    private final Random random = new Random(SEED);
    private int images;
    private int refusals;

    @Test
    void onlyImageIoExceptionsEscape() throws Exception {
        Path seedFile = dir.resolve("seed.nii");
        NiftiWriter.write(TestImages.pattern(TestImages.reflected(), StorageType.INT16), StorageType.INT16, seedFile);
        byte[] seed = Files.readAllBytes(seedFile);
        for (int n = 0; n < MUTANTS_PER_VARIANT; n++) {
            check(dir.resolve("m.nii"), mutate(seed), n);
        }
        byte[] gzSeed = gzip(seed);
        for (int n = 0; n < MUTANTS_PER_VARIANT; n++) {
            byte[] bytes = n % 2 == 0 ? gzip(mutate(seed)) : mutate(gzSeed);
            check(dir.resolve("m.nii.gz"), bytes, n);
        }
        System.out.printf("fuzz NIfTI: %d mutants tried, %d refused with one line, %d read%n", 2 * MUTANTS_PER_VARIANT,
                refusals, images);
        assertThat(images + refusals).isEqualTo(2 * MUTANTS_PER_VARIANT);
        assertThat(refusals).as("most mutants are refused").isGreaterThan(MUTANTS_PER_VARIANT);
        assertThat(images).as("some mutants still read").isGreaterThan(0);
    }

    private void check(Path file, byte[] bytes, int n) throws IOException {
        Files.write(file, bytes);
        try {
            NiftiReader.read(file);
            images++;
        } catch (ImageIoException e) {
            assertThat(e.getMessage()).as("mutant %d of %s", n, file).doesNotContain("\n").startsWith(file.toString());
            refusals++;
        } catch (RuntimeException | Error e) {
            throw new AssertionError("mutant " + n + " of " + file.getFileName() + " (seed " + SEED + ") threw "
                    + e + "; bytes " + Arrays.toString(Arrays.copyOf(bytes, Math.min(bytes.length, 400))), e);
        }
    }

    private byte[] mutate(byte[] original) {
        byte[] b = original.clone();
        int kind = random.nextInt(5);
        switch (kind) {
            case 0 -> { // flip a few random bits, mostly in the header
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    int at = random.nextInt(4) == 0 ? random.nextInt(b.length) : random.nextInt(Math.min(352, b.length));
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> { // overwrite a header field with a boundary value
                ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                int at = 2 * random.nextInt(174);
                switch (random.nextInt(4)) {
                    case 0 -> buf.putShort(at, new short[] {0, -1, 1, Short.MAX_VALUE, Short.MIN_VALUE, 4, 16}[random.nextInt(7)]);
                    case 1 -> buf.putInt(at & ~3, new int[] {0, -1, 348, Integer.MAX_VALUE, Integer.MIN_VALUE}[random.nextInt(5)]);
                    case 2 -> buf.putFloat(at & ~3, new float[] {Float.NaN, Float.POSITIVE_INFINITY, -1f, 0f, 1e30f, 352f}[random.nextInt(6)]);
                    default -> buf.put(at, (byte) random.nextInt(256));
                }
            }
            case 2 -> b = Arrays.copyOf(b, random.nextInt(b.length)); // truncate
            case 3 -> { // random bytes over a random stretch
                int at = random.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + random.nextInt(64));
                byte[] noise = new byte[len];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, b, at, len);
            }
            default -> { // swap the byte order marker: a big-endian reading of little-endian fields
                ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).putInt(0, 348);
            }
        }
        return b;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
