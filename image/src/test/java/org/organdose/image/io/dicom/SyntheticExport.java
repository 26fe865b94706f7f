package org.organdose.image.io.dicom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;
import org.organdose.image.io.dicom.DicomTestWriter.Dataset;
import org.organdose.image.io.dicom.DicomTestWriter.Options;

/**
 * A small PACS-like export for import tests: CT series (one file per slice), localizers and NM
 * SPECT reconstructions (one multi-frame file) with the timing and radiopharmaceutical
 * attributes of PS3.3 C.8.4, all in one flat folder under opaque, shuffled file names.
 */
public final class SyntheticExport {
    /** By default CT: 8 x 8 pixels of 4 mm, 5 mm slices; SPECT: 8 x 8 x 8 voxels of 6 mm; both centred on the origin. */
    public static final int CT_SIZE = 8;
    public static final double CT_PIXEL_MM = 4;
    public static final double CT_SLICE_MM = 5;
    public static final int SPECT_SIZE = 8;
    public static final double SPECT_VOXEL_MM = 6;
    /** Rotation of a SPECT: 60 views of 20 s each. */
    public static final int VIEWS = 60;
    public static final double SECONDS_PER_VIEW = 20;

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Path dir;
    private final Random names = new Random(20);
    private String patientId = "PAT-1";

    private final int ctSize;
    private final int spectSize;

    public SyntheticExport(Path dir) {
        this(dir, CT_SIZE, SPECT_SIZE);
    }

    /** An export of larger images, for benchmarks: CT slices of {@code ctSize}^2 pixels, SPECTs of {@code spectSize}^3 voxels. */
    public SyntheticExport(Path dir, int ctSize, int spectSize) {
        this.dir = dir;
        this.ctSize = ctSize;
        this.spectSize = spectSize;
    }

    /** The PatientID of the series written from now on. */
    public SyntheticExport patient(String id) {
        this.patientId = id;
        return this;
    }

    /**
     * The administration a SPECT records.
     *
     * @param codeMeaning RadionuclideCodeSequence CodeMeaning (e.g. "^177^Lutetium"); null to leave the sequence out
     * @param halfLifeS   RadionuclideHalfLife; NaN to leave it out
     * @param totalDoseBq RadionuclideTotalDose
     * @param injected    the injection
     * @param timeOnly    written as RadiopharmaceuticalStartTime alone (older scanners), not as RadiopharmaceuticalStartDateTime
     */
    public record Administration(String codeMeaning, double halfLifeS, double totalDoseBq, LocalDateTime injected,
                                 boolean timeOnly) {
    }

    /** A CT volume of {@code slices} slices, HU value {@code i * 50 - 300 + slice} at column i. */
    public void ct(String study, String series, String frameOfReference, LocalDateTime acquired, int slices) throws IOException {
        for (int k = 0; k < slices; k++) {
            short[] pixels = new short[ctSize * ctSize];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = ctValue(p % ctSize, k);
            }
            double z = (k - (slices - 1) / 2.0) * CT_SLICE_MM;
            Dataset d = SyntheticDicom.ctSlice(series, k + 1, ctSize, ctSize, SyntheticDicom.AXIAL,
                    new double[] {-(ctSize - 1) * CT_PIXEL_MM / 2, -(ctSize - 1) * CT_PIXEL_MM / 2, z}, CT_PIXEL_MM, CT_PIXEL_MM,
                    pixels).decimals(DicomTags.SLICE_THICKNESS, CT_SLICE_MM);
            write(common(d, study, series, frameOfReference, acquired).text(DicomTags.IMAGE_TYPE, Vr.CS, "ORIGINAL\\PRIMARY\\AXIAL"));
        }
    }

    /** The HU a synthetic CT holds at column {@code i} of slice {@code slice}. */
    public static short ctValue(int i, int slice) {
        return (short) (i * 50 - 300 + slice);
    }

    /** A one-slice CT localizer (ImageType LOCALIZER). */
    public void localizer(String study, String series, String frameOfReference, LocalDateTime acquired) throws IOException {
        Dataset d = SyntheticDicom.ctSlice(series, 1, ctSize, ctSize, new double[] {1, 0, 0, 0, 0, -1}, new double[] {-14, 0, 14},
                CT_PIXEL_MM, CT_PIXEL_MM, new short[ctSize * ctSize]);
        write(common(d, study, series, frameOfReference, acquired).text(DicomTags.IMAGE_TYPE, Vr.CS, "ORIGINAL\\PRIMARY\\LOCALIZER"));
    }

    /**
     * A reconstructed SPECT, one multi-frame NM file: stored value {@code 100 + i + 10 j + 100 k}
     * at voxel (i, j, k) times {@code slope}, in {@code units} (BQML or CNTS).
     *
     * @param corrected CorrectedImage values, e.g. "ATTN\\SCAT" (or "DECY" for a NAC reconstruction)
     */
    public void spect(String study, String series, String frameOfReference, LocalDateTime acquired, String units,
                      String corrected, double slope, Administration administration) throws IOException {
        short[] pixels = new short[spectSize * spectSize * spectSize];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = spectStored(p % spectSize, (p / spectSize) % spectSize, p / (spectSize * spectSize));
        }
        double corner = -(spectSize - 1) * SPECT_VOXEL_MM / 2;
        Dataset detector = new Dataset()
                .decimals(DicomTags.IMAGE_POSITION_PATIENT, corner, corner, corner)
                .decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, SyntheticDicom.AXIAL);
        Dataset rotation = new Dataset()
                .integerString(DicomTags.ACTUAL_FRAME_DURATION, (int) (SECONDS_PER_VIEW * 1000))
                .us(DicomTags.NUMBER_OF_FRAMES_IN_ROTATION, VIEWS);
        Dataset d = new Dataset()
                .text(DicomTags.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.20")
                .text(DicomTags.SOP_INSTANCE_UID, Vr.UI, series + ".1")
                .text(DicomTags.MODALITY, Vr.CS, "NM")
                .text(DicomTags.IMAGE_TYPE, Vr.CS, "ORIGINAL\\PRIMARY\\RECON TOMO\\EMISSION")
                .text(DicomTags.SERIES_DESCRIPTION, Vr.LO, "SPECT " + units)
                .integerString(DicomTags.INSTANCE_NUMBER, 1)
                .integerString(DicomTags.NUMBER_OF_FRAMES, spectSize)
                .us(DicomTags.NUMBER_OF_SLICES, spectSize)
                .decimals(DicomTags.SPACING_BETWEEN_SLICES, SPECT_VOXEL_MM)
                .decimals(DicomTags.SLICE_THICKNESS, SPECT_VOXEL_MM)
                .us(DicomTags.SAMPLES_PER_PIXEL, 1)
                .text(DicomTags.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
                .us(DicomTags.ROWS, spectSize)
                .us(DicomTags.COLUMNS, spectSize)
                .decimals(DicomTags.PIXEL_SPACING, SPECT_VOXEL_MM, SPECT_VOXEL_MM)
                .text(DicomTags.CORRECTED_IMAGE, Vr.CS, corrected)
                .us(DicomTags.BITS_ALLOCATED, 16)
                .us(DicomTags.BITS_STORED, 16)
                .us(DicomTags.HIGH_BIT, 15)
                .us(DicomTags.PIXEL_REPRESENTATION, 0)
                .decimals(DicomTags.RESCALE_SLOPE, slope)
                .decimals(DicomTags.RESCALE_INTERCEPT, 0)
                .text(DicomTags.UNITS, Vr.CS, units)
                .sequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE, detector)
                .sequence(DicomTags.ROTATION_INFORMATION_SEQUENCE, rotation)
                .pixels16(pixels);
        if (administration != null) {
            Dataset item = new Dataset().decimals(DicomTags.RADIONUCLIDE_TOTAL_DOSE, administration.totalDoseBq());
            if (administration.timeOnly()) {
                item.text(DicomTags.RADIOPHARMACEUTICAL_START_TIME, Vr.TM, TM.format(administration.injected()));
            } else {
                item.text(DicomTags.RADIOPHARMACEUTICAL_START_DATE_TIME, Vr.DT, DT.format(administration.injected()));
            }
            if (!Double.isNaN(administration.halfLifeS())) {
                item.decimals(DicomTags.RADIONUCLIDE_HALF_LIFE, administration.halfLifeS());
            }
            if (administration.codeMeaning() != null) {
                item.sequence(DicomTags.RADIONUCLIDE_CODE_SEQUENCE, new Dataset()
                        .text(DicomTags.CODE_MEANING, Vr.LO, administration.codeMeaning()));
            }
            d.sequence(DicomTags.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, item);
        }
        write(common(d, study, series, frameOfReference, acquired));
    }

    /**
     * NM raw data: {@code frames} frames of ImageType ORIGINAL\PRIMARY\{@code acquisitionType}\EMISSION
     * (e.g. "TOMO" projections, "WHOLE BODY" or "STATIC" planar), counts, with a detector vector.
     */
    public void nmRaw(String study, String series, LocalDateTime acquired, String acquisitionType, int frames) throws IOException {
        int[] detectorVector = new int[frames];
        Arrays.fill(detectorVector, 1);
        Dataset d = new Dataset()
                .text(DicomTags.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.20")
                .text(DicomTags.SOP_INSTANCE_UID, Vr.UI, series + ".1")
                .text(DicomTags.MODALITY, Vr.CS, "NM")
                .text(DicomTags.IMAGE_TYPE, Vr.CS, "ORIGINAL\\PRIMARY\\" + acquisitionType + "\\EMISSION")
                .text(DicomTags.SERIES_DESCRIPTION, Vr.LO, acquisitionType)
                .integerString(DicomTags.NUMBER_OF_FRAMES, frames)
                .us(DicomTags.DETECTOR_VECTOR, detectorVector)
                .us(DicomTags.SAMPLES_PER_PIXEL, 1)
                .text(DicomTags.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
                .us(DicomTags.ROWS, spectSize)
                .us(DicomTags.COLUMNS, spectSize)
                .decimals(DicomTags.PIXEL_SPACING, SPECT_VOXEL_MM, SPECT_VOXEL_MM)
                .us(DicomTags.BITS_ALLOCATED, 16)
                .us(DicomTags.BITS_STORED, 16)
                .us(DicomTags.HIGH_BIT, 15)
                .us(DicomTags.PIXEL_REPRESENTATION, 0)
                .text(DicomTags.UNITS, Vr.CS, "CNTS")
                .pixels16(new short[spectSize * spectSize * frames]);
        write(common(d, study, series, "", acquired).remove(DicomTags.FRAME_OF_REFERENCE_UID));
    }

    /** The stored SPECT value at voxel (i, j, k). */
    public static short spectStored(int i, int j, int k) {
        return (short) (100 + i + 10 * j + 100 * k);
    }

    /** A file that is not DICOM, as exports hold (README, DICOMDIR viewers, ...). */
    public void notDicom(String name) throws IOException {
        Files.writeString(dir.resolve(name), "not an image\n");
    }

    private Dataset common(Dataset d, String study, String series, String frameOfReference, LocalDateTime acquired) {
        return d.text(DicomTags.PATIENT_ID, Vr.LO, patientId)
                .text(DicomTags.STUDY_INSTANCE_UID, Vr.UI, study)
                .text(DicomTags.SERIES_INSTANCE_UID, Vr.UI, series)
                .text(DicomTags.FRAME_OF_REFERENCE_UID, Vr.UI, frameOfReference)
                .text(DicomTags.STUDY_DATE, Vr.DA, DA.format(acquired))
                .text(DicomTags.SERIES_DATE, Vr.DA, DA.format(acquired))
                .text(DicomTags.SERIES_TIME, Vr.TM, TM.format(acquired))
                .text(DicomTags.ACQUISITION_DATE, Vr.DA, DA.format(acquired))
                .text(DicomTags.ACQUISITION_TIME, Vr.TM, TM.format(acquired));
    }

    private void write(Dataset d) throws IOException {
        String name;
        do {
            name = Long.toHexString(names.nextLong() & 0xFFFFFFFFFFFFL).toUpperCase();
        } while (Files.exists(dir.resolve(name)));
        DicomTestWriter.write(dir.resolve(name), d, Options.of(TransferSyntax.EXPLICIT_LITTLE));
    }
}
