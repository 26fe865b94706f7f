package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.ReadOptions;
import org.organdose.image.io.dicom.DicomTestWriter.Dataset;
import org.organdose.image.io.dicom.DicomTestWriter.Options;

/**
 * Seeded mutations of valid files (bit flips, byte overwrites, truncations, corrupted length
 * fields) must read or fail with an {@link ImageIoException}: no runtime exception, no
 * allocation driven by a lying length.
 */
class DicomFuzzTest {
    /** 1000 by default (5000 inputs in all); {@code -Dorgandose.fuzzMutations=N} for a longer hunt. */
    private static final int MUTATIONS_PER_SEED_FILE = Integer.getInteger("organdose.fuzzMutations", 1000);
    private static final int[] SPECIAL_LENGTHS = {0xFFFFFFFF, 0x7FFFFFFF, 0xFFFFFFFE, 0x80000000, 0x10000, 1, 3, 0};

    @TempDir
    Path dir;

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(DicomTestWriter.encode(SyntheticDicom.axialSlice("1.2", 0), Options.of(TransferSyntax.EXPLICIT_LITTLE)));
        seeds.add(DicomTestWriter.encode(SyntheticDicom.axialSlice("1.2", 0), new Options(TransferSyntax.IMPLICIT_LITTLE, false, false)));
        seeds.add(DicomTestWriter.encode(SyntheticDicom.axialSlice("1.2", 0), Options.of(TransferSyntax.DEFLATED_EXPLICIT_LITTLE)));
        short[] pixels = new short[6 * 5 * 3];
        Dataset nm = SyntheticDicom.ctSlice("2.2", 1, 6, 5, SyntheticDicom.AXIAL, new double[] {0, 0, 0}, 4, 4, pixels)
                .text(DicomTags.MODALITY, Vr.CS, "NM")
                .integerString(DicomTags.NUMBER_OF_FRAMES, 3)
                .decimals(DicomTags.SPACING_BETWEEN_SLICES, 4)
                .text(DicomTags.UNITS, Vr.CS, "BQML")
                .sequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE, new Dataset()
                        .decimals(DicomTags.IMAGE_POSITION_PATIENT, 1, 2, 3)
                        .decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, SyntheticDicom.AXIAL));
        seeds.add(DicomTestWriter.encode(nm, new Options(TransferSyntax.EXPLICIT_LITTLE, true, true)));
        Dataset perFrame = new Dataset()
                .sequence(DicomTags.PLANE_POSITION_SEQUENCE, new Dataset().decimals(DicomTags.IMAGE_POSITION_PATIENT, 1, 2, 3))
                .sequence(DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, new Dataset()
                        .decimals(DicomTags.RESCALE_SLOPE, 2).decimals(DicomTags.RESCALE_INTERCEPT, 1));
        Dataset enhanced = SyntheticDicom.axialSlice("3.3", 0)
                .text(DicomTags.MODALITY, Vr.CS, "PT")
                .sequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, new Dataset()
                        .sequence(DicomTags.PIXEL_MEASURES_SEQUENCE, new Dataset().decimals(DicomTags.PIXEL_SPACING, 2, 2))
                        .sequence(DicomTags.PLANE_ORIENTATION_SEQUENCE, new Dataset()
                                .decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, SyntheticDicom.AXIAL)))
                .sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, perFrame);
        seeds.add(DicomTestWriter.encode(enhanced, new Options(TransferSyntax.IMPLICIT_LITTLE, true, true)));
        return seeds;
    }

    @Test
    void mutatedFilesFailCleanly() throws IOException {
        Path file = dir.resolve("fuzz.dcm");
        List<byte[]> seeds = seeds();
        int read = 0;
        int refused = 0;
        for (int s = 0; s < seeds.size(); s++) {
            Random random = new Random(Long.getLong("organdose.fuzzSeed", 1000) + s);
            for (int m = 0; m < MUTATIONS_PER_SEED_FILE; m++) {
                byte[] mutated = mutate(seeds.get(s), random);
                Files.write(file, mutated);
                try {
                    DicomReader.read(file, ReadOptions.defaults());
                    read++;
                } catch (ImageIoException e) {
                    assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain("\n");
                    refused++;
                } catch (RuntimeException | Error e) {
                    fail("seed file " + s + ", mutation " + m + " threw " + e, e);
                }
            }
        }
        System.out.printf("fuzz DICOM: %d mutants tried, %d refused with one line, %d read%n",
                seeds.size() * MUTATIONS_PER_SEED_FILE, refused, read);
        assertThat(read + refused).isEqualTo(seeds.size() * MUTATIONS_PER_SEED_FILE);
        assertThat(refused).as("most mutations damage the file").isGreaterThan(read / 10);
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int kind = random.nextInt(5);
        switch (kind) {
            case 0 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    int at = random.nextInt(b.length);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length));
            case 3 -> {
                // a 32-bit length written over any position, as lying length fields do
                int at = random.nextInt(b.length - 4);
                int value = random.nextBoolean() ? SPECIAL_LENGTHS[random.nextInt(SPECIAL_LENGTHS.length)] : random.nextInt();
                for (int k = 0; k < 4; k++) {
                    b[at + k] = (byte) (value >>> (8 * k));
                }
            }
            default -> {
                // a 16-bit length (short explicit VR header)
                int at = random.nextInt(b.length - 2);
                int value = random.nextInt(65536);
                b[at] = (byte) value;
                b[at + 1] = (byte) (value >>> 8);
            }
        }
        return b;
    }
}
