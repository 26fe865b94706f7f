package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.organdose.image.Geometry;
import org.organdose.image.Matrix3;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.ReadOptions;
import org.organdose.image.io.dicom.DicomTestWriter.Dataset;
import org.organdose.image.io.dicom.DicomTestWriter.Options;

class DicomReaderTest {
    @TempDir
    Path dir;

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of(TransferSyntax.EXPLICIT_LITTLE, false),
                Arguments.of(TransferSyntax.IMPLICIT_LITTLE, false),
                Arguments.of(TransferSyntax.DEFLATED_EXPLICIT_LITTLE, false),
                Arguments.of(TransferSyntax.EXPLICIT_BIG, false),
                Arguments.of(TransferSyntax.EXPLICIT_LITTLE, true),
                Arguments.of(TransferSyntax.IMPLICIT_LITTLE, true));
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void readsAxialSeriesInEveryEncoding(TransferSyntax syntax, boolean undefinedLengths) throws IOException {
        for (int k = 0; k < 4; k++) {
            DicomTestWriter.write(dir.resolve("s" + k + ".dcm"), SyntheticDicom.axialSlice("1.2.3", k),
                    new Options(syntax, true, undefinedLengths));
        }
        MedicalImage image = DicomReader.read(dir, ReadOptions.defaults());
        Geometry g = image.volume().geometry();
        assertThat(g.sizes()).containsExactly(5, 6, 4);
        assertThat(g.spacing()).containsExactly(new double[] {0.6, 0.8, 2.5}, within(1e-9));
        assertThat(g.origin()).containsExactly(new double[] {-20, -30, -10}, within(1e-9));
        assertThat(g.direction()).containsExactly(Matrix3.identity(), within(1e-12));
        assertValues(image.volume(), k -> k);
        assertThat(image.metadata().modality()).isEqualTo("CT");
        assertThat(image.metadata().units()).isEqualTo("HU");
        assertThat(image.metadata().seriesInstanceUid()).isEqualTo("1.2.3");
        assertThat(image.metadata().description()).isEqualTo("synthetic");
        assertThat(image.metadata().warnings()).isEmpty();
    }

    /** Every voxel holds the stored value written for its (i, j) in the slice that {@code sliceAt} names. */
    private static void assertValues(Volume v, java.util.function.IntUnaryOperator sliceAt) {
        Geometry g = v.geometry();
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    assertThat(v.get(i, j, k)).as("voxel %d %d %d", i, j, k)
                            .isEqualTo(SyntheticDicom.storedValue(i, j, sliceAt.applyAsInt(k)));
                }
            }
        }
    }

    @Test
    void sortsObliqueSlicesByPositionNotByNameOrInstanceNumber() throws IOException {
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[] row = {c, s, 0};
        double[] column = {0, c * 0.8, -0.6};
        column[0] = -s * 0.8;
        column[1] = c * 0.8;
        double[] orientation = {row[0], row[1], row[2], column[0], column[1], column[2]};
        double[] normal = Matrix3.cross(row, column);
        double[] origin = {12.5, -40, 100};
        double dz = 3.0;
        int n = 7;
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            order.add(k);
        }
        Collections.shuffle(order, new Random(3));
        for (int k = 0; k < n; k++) {
            double[] p = {origin[0] + k * dz * normal[0], origin[1] + k * dz * normal[1], origin[2] + k * dz * normal[2]};
            int instance = order.get(k);
            DicomTestWriter.write(dir.resolve(String.format("img%02d.dcm", instance)),
                    SyntheticDicom.ctSlice("7.7", instance, 6, 5, orientation, p, 0.8, 0.6, SyntheticDicom.pixels(6, 5, k)),
                    Options.of(TransferSyntax.EXPLICIT_LITTLE));
        }
        MedicalImage image = DicomReader.read(dir, ReadOptions.defaults());
        Geometry g = image.volume().geometry();
        assertThat(g.nz()).isEqualTo(n);
        assertThat(g.spacing(2)).isCloseTo(dz, within(1e-6));
        assertThat(g.origin()).containsExactly(origin, within(1e-6));
        double[] d = g.direction();
        for (int r = 0; r < 3; r++) {
            assertThat(d[3 * r]).isCloseTo(row[r], within(1e-6));
            assertThat(d[3 * r + 1]).isCloseTo(column[r], within(1e-6));
            assertThat(d[3 * r + 2]).isCloseTo(normal[r], within(1e-6));
        }
        // voxel (i, j, k) lies at position + i * dx * row + j * dy * column
        double[] w = g.indexToWorld(4, 5, 6);
        for (int r = 0; r < 3; r++) {
            assertThat(w[r]).isCloseTo(origin[r] + 4 * 0.6 * row[r] + 5 * 0.8 * column[r] + 6 * dz * normal[r], within(1e-6));
        }
        assertValues(image.volume(), k -> k);
        assertThat(image.metadata().warnings()).isEmpty();
    }

    @Test
    void slicesDescendingAlongTheNormalStillStackUpwards() throws IOException {
        // feet-first orientation: the column cosine points up, so the normal points to the feet
        double[] orientation = {1, 0, 0, 0, 0, -1};
        for (int k = 0; k < 3; k++) {
            DicomTestWriter.write(dir.resolve("f" + k), SyntheticDicom.ctSlice("8.8", k, 6, 5, orientation,
                    new double[] {0, 10.0 * k, 0}, 1, 1, SyntheticDicom.pixels(6, 5, k)), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        }
        Geometry g = DicomReader.read(dir, ReadOptions.defaults()).volume().geometry();
        // normal = row x column = (1,0,0) x (0,0,-1) = (0,1,0)
        assertThat(g.sliceNormal()).containsExactly(new double[] {0, 1, 0}, within(1e-12));
        assertThat(g.origin()).containsExactly(new double[] {0, 0, 0}, within(1e-9));
        assertThat(g.spacing(2)).isCloseTo(10, within(1e-9));
    }

    @Test
    void severalSeriesMustBeChosenByUid() throws IOException {
        for (int k = 0; k < 3; k++) {
            DicomTestWriter.write(dir.resolve("a" + k), SyntheticDicom.axialSlice("1.1", k), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        }
        Files.createDirectories(dir.resolve("sub"));
        for (int k = 0; k < 2; k++) {
            DicomTestWriter.write(dir.resolve("sub/b" + k), SyntheticDicom.axialSlice("2.2", k)
                    .text(DicomTags.SERIES_DESCRIPTION, Vr.LO, "second"), Options.of(TransferSyntax.IMPLICIT_LITTLE));
        }
        Files.writeString(dir.resolve("README"), "not dicom");
        assertThatThrownBy(() -> DicomReader.read(dir, ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class)
                .hasMessageContaining("2 image series")
                .hasMessageContaining("--series")
                .hasMessageContaining("1.1 (CT, \"synthetic\", 3 files)")
                .hasMessageContaining("2.2 (CT, \"second\", 2 files)")
                .hasMessageNotContaining("\n");
        assertThat(DicomReader.read(dir, new ReadOptions("2.2")).volume().geometry().nz()).isEqualTo(2);
        assertThat(DicomReader.read(dir, new ReadOptions("1.1")).volume().geometry().nz()).isEqualTo(3);
        assertThatThrownBy(() -> DicomReader.read(dir, new ReadOptions("9.9")))
                .isInstanceOf(ImageIoException.class)
                .hasMessageContaining("no image series 9.9")
                .hasMessageContaining("1.1 (CT")
                .hasMessageContaining("2.2 (CT");
        assertThat(DicomReader.listSeries(dir)).containsExactly(
                new DicomSeriesSummary("1.1", "CT", "synthetic", 3),
                new DicomSeriesSummary("2.2", "CT", "second", 2));
    }

    @Test
    void skipsNonImageDicomAndOtherFiles() throws IOException {
        for (int k = 0; k < 2; k++) {
            DicomTestWriter.write(dir.resolve("a" + k), SyntheticDicom.axialSlice("1.1", k), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        }
        // a DICOMDIR-like file: DICOM without pixel data
        DicomTestWriter.write(dir.resolve("DICOMDIR"), new Dataset().text(0x00041130, Vr.CS, "ID"), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        Files.write(dir.resolve("notes.txt"), "hello".getBytes());
        Files.write(dir.resolve("empty"), new byte[0]);
        assertThat(DicomReader.read(dir, ReadOptions.defaults()).volume().geometry().nz()).isEqualTo(2);
    }

    @Test
    void warnsAboutGantryTilt() throws IOException {
        double tilt = Math.toRadians(15);
        for (int k = 0; k < 5; k++) {
            // a tilted gantry moves each slice along y as z advances
            double z = 2.0 * k;
            DicomTestWriter.write(dir.resolve("t" + k), SyntheticDicom.ctSlice("3.3", k, 6, 5, SyntheticDicom.AXIAL,
                    new double[] {0, z * Math.tan(tilt), z}, 1, 1, SyntheticDicom.pixels(6, 5, k))
                    .decimals(DicomTags.GANTRY_DETECTOR_TILT, 15), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        }
        MedicalImage image = DicomReader.read(dir, ReadOptions.defaults());
        assertThat(image.metadata().warnings()).singleElement().asString()
                .contains("gantry tilt", "15.000 deg", "2.144 mm");
        assertThat(image.volume().geometry().spacing(2)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void warnsAboutTiltFromTheHeaderAlone() throws IOException {
        for (int k = 0; k < 3; k++) {
            DicomTestWriter.write(dir.resolve("t" + k), SyntheticDicom.axialSlice("3.3", k)
                    .decimals(DicomTags.GANTRY_DETECTOR_TILT, -7.5), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        }
        assertThat(DicomReader.read(dir, ReadOptions.defaults()).metadata().warnings())
                .singleElement().asString().contains("GantryDetectorTilt -7.500 deg");
    }

    @Test
    void warnsAboutUnevenSpacingWithMinAndMax() throws IOException {
        double[] z = {0, 2, 4, 7, 9};
        for (int k = 0; k < z.length; k++) {
            DicomTestWriter.write(dir.resolve("u" + k), SyntheticDicom.ctSlice("4.4", k, 6, 5, SyntheticDicom.AXIAL,
                    new double[] {0, 0, z[k]}, 1, 1, SyntheticDicom.pixels(6, 5, k)), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        }
        MedicalImage image = DicomReader.read(dir, ReadOptions.defaults());
        assertThat(image.volume().geometry().spacing(2)).isCloseTo(2.25, within(1e-9));
        assertThat(image.metadata().warnings()).singleElement().asString()
                .contains("uneven slice spacing", "from 2.000 to 3.000 mm", "mean 2.250 mm");
    }

    @Test
    void smallSpacingNoiseIsNoWarning() throws IOException {
        double[] z = {0, 1.6000001, 3.2, 4.8000004};
        for (int k = 0; k < z.length; k++) {
            DicomTestWriter.write(dir.resolve("u" + k), SyntheticDicom.ctSlice("4.4", k, 6, 5, SyntheticDicom.AXIAL,
                    new double[] {0, 0, z[k]}, 1, 1, SyntheticDicom.pixels(6, 5, k)), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        }
        assertThat(DicomReader.read(dir, ReadOptions.defaults()).metadata().warnings()).isEmpty();
    }

    @Test
    void duplicateSlicePositionsAreAnError() throws IOException {
        DicomTestWriter.write(dir.resolve("a"), SyntheticDicom.axialSlice("5.5", 0), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        DicomTestWriter.write(dir.resolve("b"), SyntheticDicom.axialSlice("5.5", 1), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        DicomTestWriter.write(dir.resolve("c"), SyntheticDicom.axialSlice("5.5", 1).text(DicomTags.SOP_INSTANCE_UID, Vr.UI, "9"),
                Options.of(TransferSyntax.EXPLICIT_LITTLE));
        assertThatThrownBy(() -> DicomReader.read(dir, ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class)
                .hasMessageContaining("b and c have the same slice position");
    }

    @Test
    void slicesOfDifferentSizeOrOrientationAreAnError() throws IOException {
        DicomTestWriter.write(dir.resolve("a"), SyntheticDicom.axialSlice("6.6", 0), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        DicomTestWriter.write(dir.resolve("b"), SyntheticDicom.ctSlice("6.6", 2, 4, 5, SyntheticDicom.AXIAL,
                new double[] {0, 0, 5}, 1, 1, SyntheticDicom.pixels(4, 5, 1)), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        assertThatThrownBy(() -> DicomReader.read(dir, ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("sizes differ: 5x6 and 5x4");
        DicomTestWriter.write(dir.resolve("b"), SyntheticDicom.ctSlice("6.6", 2, 6, 5, new double[] {1, 0, 0, 0, 0, -1},
                new double[] {0, 0, 5}, 0.8, 0.6, SyntheticDicom.pixels(6, 5, 1)), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        assertThatThrownBy(() -> DicomReader.read(dir, ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("orientations differ");
    }

    @Test
    void pixelSpacingIsRowSpacingThenColumnSpacing() throws IOException {
        DicomTestWriter.write(dir.resolve("a"), SyntheticDicom.ctSlice("1", 1, 6, 5, SyntheticDicom.AXIAL,
                new double[] {0, 0, 0}, 0.9, 0.3, SyntheticDicom.pixels(6, 5, 0)), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        Geometry g = DicomReader.read(dir.resolve("a"), ReadOptions.defaults()).volume().geometry();
        assertThat(g.spacing()).containsExactly(new double[] {0.3, 0.9, 2.5}, within(1e-9));
        assertThat(g.sizes()).containsExactly(5, 6, 1);
    }

    @Test
    void appliesBitsStoredSignAndRescale() throws IOException {
        // 12 bits stored in 16, signed, with junk in the unused high bits that must be masked off
        short[] stored = {0x0FFF, 0x0800, 0x07FF, 0x0001, (short) 0xF005, 0x0000};
        double[] expected = {-1, -2048, 2047, 1, 5, 0};
        Dataset slice = SyntheticDicom.ctSlice("9.1", 1, 2, 3, SyntheticDicom.AXIAL, new double[] {0, 0, 0}, 1, 1, stored)
                .us(DicomTags.BITS_STORED, 12).us(DicomTags.HIGH_BIT, 11)
                .decimals(DicomTags.RESCALE_SLOPE, 2.5).decimals(DicomTags.RESCALE_INTERCEPT, -1024);
        DicomTestWriter.write(dir.resolve("signed"), slice, Options.of(TransferSyntax.EXPLICIT_LITTLE));
        float[] v = DicomReader.read(dir.resolve("signed"), ReadOptions.defaults()).volume().voxels();
        for (int p = 0; p < expected.length; p++) {
            assertThat(v[p]).isEqualTo((float) (expected[p] * 2.5 - 1024));
        }
        slice.us(DicomTags.PIXEL_REPRESENTATION, 0);
        DicomTestWriter.write(dir.resolve("unsigned"), slice, Options.of(TransferSyntax.EXPLICIT_BIG));
        v = DicomReader.read(dir.resolve("unsigned"), ReadOptions.defaults()).volume().voxels();
        double[] unsigned = {4095, 2048, 2047, 1, 5, 0};
        for (int p = 0; p < unsigned.length; p++) {
            assertThat(v[p]).isEqualTo((float) (unsigned[p] * 2.5 - 1024));
        }
    }

    @Test
    void rescalesEachSliceWithItsOwnSlopeAndIntercept() throws IOException {
        for (int k = 0; k < 3; k++) {
            DicomTestWriter.write(dir.resolve("r" + k), SyntheticDicom.axialSlice("9.5", k)
                    .decimals(DicomTags.RESCALE_SLOPE, 0.5 * (k + 1)).decimals(DicomTags.RESCALE_INTERCEPT, -1000 + k),
                    Options.of(TransferSyntax.IMPLICIT_LITTLE));
        }
        Volume v = DicomReader.read(dir, ReadOptions.defaults()).volume();
        for (int k = 0; k < 3; k++) {
            assertThat(v.get(3, 2, k)).isEqualTo((float) (SyntheticDicom.storedValue(3, 2, k) * 0.5 * (k + 1) - 1000 + k));
        }
    }

    @Test
    void readsUnsigned16BitAbove32767() throws IOException {
        short[] stored = {(short) 65535, (short) 40000, 0, 1, 2, 3};
        Dataset slice = SyntheticDicom.ctSlice("9.2", 1, 2, 3, SyntheticDicom.AXIAL, new double[] {0, 0, 0}, 1, 1, stored)
                .us(DicomTags.PIXEL_REPRESENTATION, 0);
        DicomTestWriter.write(dir.resolve("u"), slice, Options.of(TransferSyntax.IMPLICIT_LITTLE));
        float[] v = DicomReader.read(dir.resolve("u"), ReadOptions.defaults()).volume().voxels();
        assertThat(v).startsWith(65535f, 40000f, 0f);
    }

    @Test
    void reads8And32BitPixels() throws IOException {
        Dataset eight = SyntheticDicom.ctSlice("9.3", 1, 2, 2, SyntheticDicom.AXIAL, new double[] {0, 0, 0}, 1, 1, new short[0])
                .us(DicomTags.BITS_ALLOCATED, 8).us(DicomTags.BITS_STORED, 8).us(DicomTags.HIGH_BIT, 7)
                .us(DicomTags.PIXEL_REPRESENTATION, 0)
                .raw(DicomTags.PIXEL_DATA, Vr.OB, new byte[] {(byte) 200, 1, 2, 3});
        DicomTestWriter.write(dir.resolve("8"), eight, Options.of(TransferSyntax.EXPLICIT_LITTLE));
        assertThat(DicomReader.read(dir.resolve("8"), ReadOptions.defaults()).volume().voxels()).containsExactly(200, 1, 2, 3);
        Dataset thirtyTwo = SyntheticDicom.ctSlice("9.4", 1, 1, 2, SyntheticDicom.AXIAL, new double[] {0, 0, 0}, 1, 1, new short[0])
                .us(DicomTags.BITS_ALLOCATED, 32).us(DicomTags.BITS_STORED, 32).us(DicomTags.HIGH_BIT, 31)
                .raw(DicomTags.PIXEL_DATA, Vr.OW, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x40, 0x42, 0x0F, 0});
        DicomTestWriter.write(dir.resolve("32"), thirtyTwo, Options.of(TransferSyntax.EXPLICIT_LITTLE));
        assertThat(DicomReader.read(dir.resolve("32"), ReadOptions.defaults()).volume().voxels()).containsExactly(-1, 1_000_000);
    }

    @Test
    void readsMultiFrameNmWithDetectorInformation() throws IOException {
        int frames = 4;
        short[] pixels = new short[6 * 5 * frames];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(SyntheticDicom.pixels(6, 5, f), 0, pixels, f * 30, 30);
        }
        double[] orientation = {1, 0, 0, 0, 0, -1};
        Dataset detector = new Dataset()
                .decimals(DicomTags.IMAGE_POSITION_PATIENT, -100, 50, 200)
                .decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, orientation);
        Dataset nm = SyntheticDicom.ctSlice("10.1", 1, 6, 5, orientation, new double[] {0, 0, 0}, 4.8, 4.8, pixels)
                .text(DicomTags.MODALITY, Vr.CS, "NM")
                .text(DicomTags.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.20")
                .remove(DicomTags.IMAGE_POSITION_PATIENT).remove(DicomTags.IMAGE_ORIENTATION_PATIENT)
                .remove(DicomTags.RESCALE_SLOPE).remove(DicomTags.RESCALE_INTERCEPT)
                .integerString(DicomTags.NUMBER_OF_FRAMES, frames)
                .us(DicomTags.NUMBER_OF_SLICES, frames)
                .decimals(DicomTags.SPACING_BETWEEN_SLICES, 4.8)
                .text(DicomTags.UNITS, Vr.CS, "BQML")
                .sequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE, detector);
        DicomTestWriter.write(dir.resolve("nm.dcm"), nm, new Options(TransferSyntax.IMPLICIT_LITTLE, true, true));
        MedicalImage image = DicomReader.read(dir.resolve("nm.dcm"), ReadOptions.defaults());
        Geometry g = image.volume().geometry();
        assertThat(g.sizes()).containsExactly(5, 6, 4);
        assertThat(g.spacing()).containsExactly(new double[] {4.8, 4.8, 4.8}, within(1e-9));
        assertThat(g.origin()).containsExactly(new double[] {-100, 50, 200}, within(1e-9));
        // frames advance along row x column = (1,0,0) x (0,0,-1) = (0,1,0)
        assertThat(g.indexToWorld(0, 0, 3)).containsExactly(new double[] {-100, 50 + 3 * 4.8, 200}, within(1e-9));
        assertValues(image.volume(), k -> k);
        assertThat(image.metadata().modality()).isEqualTo("NM");
        assertThat(image.metadata().units()).isEqualTo("BQML");
        assertThat(DicomReader.listSeries(dir)).containsExactly(new DicomSeriesSummary("10.1", "NM", "synthetic", 1));
    }

    /** RT Dose: frames placed by GridFrameOffsetVector, values scaled by DoseGridScaling into DoseUnits (PS3.3 C.8.8.3). */
    @Test
    void readsRtDoseWithGridFrameOffsetsAndDoseGridScaling() throws IOException {
        int frames = 3;
        short[] pixels = new short[6 * 5 * frames];
        for (int f = 0; f < frames; f++) {
            System.arraycopy(SyntheticDicom.pixels(6, 5, f), 0, pixels, f * 30, 30);
        }
        Dataset dose = SyntheticDicom.ctSlice("11.1", 1, 6, 5, SyntheticDicom.AXIAL, new double[] {-40, 20, -700}, 3, 2,
                        pixels)
                .text(DicomTags.MODALITY, Vr.CS, "RTDOSE")
                .text(DicomTags.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.481.2")
                .remove(DicomTags.RESCALE_SLOPE).remove(DicomTags.RESCALE_INTERCEPT)
                .integerString(DicomTags.NUMBER_OF_FRAMES, frames)
                // the absolute form: the first offset is the first frame's z, not 0
                .decimals(DicomTags.GRID_FRAME_OFFSET_VECTOR, -700, -695, -690)
                .decimals(DicomTags.DOSE_GRID_SCALING, 0.25)
                .text(DicomTags.DOSE_UNITS, Vr.CS, "GY");
        DicomTestWriter.write(dir.resolve("dose.dcm"), dose, Options.of(TransferSyntax.EXPLICIT_LITTLE));
        MedicalImage image = DicomReader.read(dir.resolve("dose.dcm"), ReadOptions.defaults());
        Geometry g = image.volume().geometry();
        assertThat(g.sizes()).containsExactly(5, 6, 3);
        assertThat(g.spacing()).containsExactly(new double[] {2, 3, 5}, within(1e-9));
        assertThat(g.indexToWorld(0, 0, 2)).containsExactly(new double[] {-40, 20, -690}, within(1e-9));
        for (int f = 0; f < frames; f++) {
            assertThat(image.volume().get(4, 5, f)).isEqualTo(0.25f * SyntheticDicom.storedValue(4, 5, f));
        }
        assertThat(image.metadata().units()).isEqualTo("GY");

        Dataset shortVector = dose.decimals(DicomTags.GRID_FRAME_OFFSET_VECTOR, 0, 5);
        DicomTestWriter.write(dir.resolve("short.dcm"), shortVector, Options.of(TransferSyntax.EXPLICIT_LITTLE));
        assertThatThrownBy(() -> DicomReader.read(dir.resolve("short.dcm"), ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("GridFrameOffsetVector (3004,000C) has 2 values for 3 frames");
    }

    @Test
    void readsEnhancedMultiFrameWithPerFrameRescaleAndPositions() throws IOException {
        int frames = 3;
        int[] frameSlice = {2, 0, 1}; // frames stored out of spatial order
        short[] pixels = new short[6 * 5 * frames];
        List<Dataset> perFrame = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            System.arraycopy(SyntheticDicom.pixels(6, 5, f), 0, pixels, f * 30, 30);
            perFrame.add(new Dataset()
                    .sequence(DicomTags.PLANE_POSITION_SEQUENCE, new Dataset()
                            .decimals(DicomTags.IMAGE_POSITION_PATIENT, 1, 2, 3 + 2.0 * frameSlice[f]))
                    .sequence(DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, new Dataset()
                            .decimals(DicomTags.RESCALE_SLOPE, f + 1.0).decimals(DicomTags.RESCALE_INTERCEPT, 10.0 * f)));
        }
        Dataset shared = new Dataset()
                .sequence(DicomTags.PIXEL_MEASURES_SEQUENCE, new Dataset().decimals(DicomTags.PIXEL_SPACING, 2, 3)
                        .decimals(DicomTags.SLICE_THICKNESS, 2))
                .sequence(DicomTags.PLANE_ORIENTATION_SEQUENCE, new Dataset()
                        .decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, SyntheticDicom.AXIAL));
        Dataset pt = SyntheticDicom.ctSlice("11.1", 1, 6, 5, SyntheticDicom.AXIAL, new double[] {0, 0, 0}, 1, 1, pixels)
                .text(DicomTags.MODALITY, Vr.CS, "PT")
                .remove(DicomTags.IMAGE_POSITION_PATIENT).remove(DicomTags.IMAGE_ORIENTATION_PATIENT)
                .remove(DicomTags.PIXEL_SPACING).remove(DicomTags.RESCALE_SLOPE).remove(DicomTags.RESCALE_INTERCEPT)
                .integerString(DicomTags.NUMBER_OF_FRAMES, frames)
                .text(DicomTags.UNITS, Vr.CS, "BQML")
                .sequence(DicomTags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE, shared)
                .sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE, perFrame.toArray(new Dataset[0]));
        DicomTestWriter.write(dir.resolve("pt.dcm"), pt, Options.of(TransferSyntax.EXPLICIT_LITTLE));
        MedicalImage image = DicomReader.read(dir.resolve("pt.dcm"), ReadOptions.defaults());
        Geometry g = image.volume().geometry();
        assertThat(g.sizes()).containsExactly(5, 6, 3);
        assertThat(g.spacing()).containsExactly(new double[] {3, 2, 2}, within(1e-9));
        assertThat(g.origin()).containsExactly(new double[] {1, 2, 3}, within(1e-9));
        int[] frameAtSlice = {1, 2, 0};
        for (int k = 0; k < 3; k++) {
            int f = frameAtSlice[k];
            assertThat(image.volume().get(4, 5, k)).isEqualTo((float) (SyntheticDicom.storedValue(4, 5, f) * (f + 1.0) + 10.0 * f));
        }
        assertThat(image.metadata().units()).isEqualTo("BQML");
        assertThat(image.metadata().modality()).isEqualTo("PT");
    }

    @Test
    void readsFilesWithoutPreamble() throws IOException {
        Path file = dir.resolve("bare");
        DicomTestWriter.write(file, SyntheticDicom.axialSlice("12.1", 0), new Options(TransferSyntax.IMPLICIT_LITTLE, false, false));
        assertValues(DicomReader.read(file, ReadOptions.defaults()).volume(), k -> 0);
        DicomTestWriter.write(file, SyntheticDicom.axialSlice("12.1", 0), new Options(TransferSyntax.EXPLICIT_LITTLE, false, false));
        assertValues(DicomReader.read(file, ReadOptions.defaults()).volume(), k -> 0);
    }

    /** Tools that do not know an attribute write it as UN (pydicom's rtdose_rle.dcm does so for the geometry). */
    @Test
    void knownAttributesStoredAsUnAreReadAsWhatTheyAre() throws IOException {
        Path file = dir.resolve("un.dcm");
        Dataset slice = SyntheticDicom.axialSlice("15.1", 0)
                .raw(DicomTags.IMAGE_ORIENTATION_PATIENT, Vr.UN, "0\\1\\0\\-1\\0\\0".getBytes(StandardCharsets.US_ASCII))
                .raw(DicomTags.ROWS, Vr.UN, new byte[] {6, 0});
        DicomTestWriter.write(file, slice, Options.of(TransferSyntax.EXPLICIT_LITTLE));
        Geometry g = DicomReader.read(file, ReadOptions.defaults()).volume().geometry();
        assertThat(g.sizes()).containsExactly(5, 6, 1);
        assertThat(g.direction()).startsWith(new double[] {0, -1, 0}, within(1e-12));
        assertThat(g.indexToWorld(1, 0, 0)).containsExactly(new double[] {-20, -30 + 0.6, -10}, within(1e-9));
    }

    @Test
    void compressedTransferSyntaxesAreNamed() throws IOException {
        Path file = dir.resolve("j2k.dcm");
        Files.write(file, DicomTestWriter.encode(SyntheticDicom.axialSlice("13.1", 0),
                Options.of(TransferSyntax.of("1.2.840.10008.1.2.4.91"))));
        assertThatThrownBy(() -> DicomReader.read(file, ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class)
                .hasMessage(file + ": compressed pixel data: JPEG 2000 Image Compression (1.2.840.10008.1.2.4.91) is not supported yet");
        Files.write(file, DicomTestWriter.encode(SyntheticDicom.axialSlice("13.1", 0),
                Options.of(TransferSyntax.of("1.2.840.10008.1.2.5"))));
        // RLE is decoded (RleLosslessTest), but only from fragments
        assertThatThrownBy(() -> DicomReader.read(file, ReadOptions.defaults()))
                .hasMessage(file + ": damaged file: RLE Lossless pixel data of defined length, not in fragments");
    }

    @Test
    void colourImagesAreRefused() throws IOException {
        Path file = dir.resolve("rgb");
        DicomTestWriter.write(file, SyntheticDicom.axialSlice("14.1", 0).us(DicomTags.SAMPLES_PER_PIXEL, 3),
                Options.of(TransferSyntax.EXPLICIT_LITTLE));
        assertThatThrownBy(() -> DicomReader.read(file, ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("SamplesPerPixel is 3");
    }

    @Test
    void monochrome1IsReadUnchangedWithAWarning() throws IOException {
        Path file = dir.resolve("m1");
        DicomTestWriter.write(file, SyntheticDicom.axialSlice("14.2", 0)
                .text(DicomTags.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME1"), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        MedicalImage image = DicomReader.read(file, ReadOptions.defaults());
        assertValues(image.volume(), k -> 0);
        assertThat(image.metadata().warnings()).singleElement().asString().contains("MONOCHROME1");
    }

    @Test
    void singleFileKeepsItsSeriesCheck() throws IOException {
        Path file = dir.resolve("one");
        DicomTestWriter.write(file, SyntheticDicom.axialSlice("15.1", 0), Options.of(TransferSyntax.EXPLICIT_LITTLE));
        assertThatThrownBy(() -> DicomReader.read(file, new ReadOptions("15.2")))
                .isInstanceOf(ImageIoException.class).hasMessageContaining("not to the requested series 15.2");
    }
}
