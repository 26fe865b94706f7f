package org.organdose.dosimetry.dicomimport;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.dicom.DicomAttributes;
import org.organdose.image.io.dicom.DicomTags;

/**
 * Tells what a series is from its headers. CT: a localizer (ImageType LOCALIZER, or a single
 * slice) or a volume. NM and PT: planar (ImageType WHOLE BODY, STATIC, DYNAMIC, GATED),
 * projections (ImageType TOMO or GATED TOMO, or frames with detector vectors and no RECON),
 * or reconstructed: then not attenuation corrected (CorrectedImage without ATTN, or "NAC" in
 * ImageType or SeriesDescription), in Bq/mL (Units BQML) or in counts (CNTS). A reconstruction
 * needs at least {@link #MIN_SPECT_SLICES} slices to be a volume worth dosimetry.
 */
public final class SeriesClassifier {
    /** Fewer slices than this cannot hold an organ at SPECT resolution. */
    static final int MIN_SPECT_SLICES = 8;
    private static final Pattern NAC = Pattern.compile("(^|[^A-Z])(NAC|NOAC|NO AC|NON ?AC)([^A-Z]|$)");
    private static final List<String> PLANAR = List.of("WHOLE BODY", "STATIC", "DYNAMIC", "GATED");
    private static final List<String> PROJECTIONS = List.of("TOMO", "GATED TOMO");

    private SeriesClassifier() {
    }

    public static ImportedSeries classify(ScannedSeries series) throws DosimetryInputException {
        DicomAttributes a = series.first();
        String modality = a.string(DicomTags.MODALITY, "");
        List<String> imageType = a.strings(DicomTags.IMAGE_TYPE).stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
        int images = images(series);
        SeriesKind kind;
        String why;
        switch (modality) {
            case "CT" -> {
                if (imageType.contains("LOCALIZER")) {
                    kind = SeriesKind.CT_LOCALIZER;
                    why = "ImageType " + String.join("\\", imageType);
                } else if (images < 2) {
                    kind = SeriesKind.CT_LOCALIZER;
                    why = "a single slice";
                } else {
                    kind = SeriesKind.CT_VOLUME;
                    why = images + " slices";
                }
            }
            case "NM", "PT" -> {
                Verdict v = nuclear(a, modality, imageType, images);
                kind = v.kind();
                why = v.why();
            }
            default -> {
                kind = SeriesKind.OTHER;
                why = "modality " + (modality.isEmpty() ? "absent" : modality);
            }
        }
        return new ImportedSeries(series.seriesUid(), modality, a.string(DicomTags.SERIES_DESCRIPTION, ""),
                a.string(DicomTags.STUDY_INSTANCE_UID, ""), a.string(DicomTags.FRAME_OF_REFERENCE_UID, ""), images, kind, why,
                SeriesTiming.acquired(series.files()), a);
    }

    private record Verdict(SeriesKind kind, String why) {
    }

    private static Verdict nuclear(DicomAttributes a, String modality, List<String> imageType, int images)
            throws DosimetryInputException {
        String type = "ImageType " + String.join("\\", imageType);
        // NM ImageType value 3 is the acquisition type (PS3.3 C.8.4.7); PT images are always reconstructions
        String acquisition = imageType.size() > 2 ? imageType.get(2) : "";
        boolean reconstructed = "PT".equals(modality) || acquisition.startsWith("RECON");
        if (!reconstructed && PLANAR.contains(acquisition)) {
            return new Verdict(SeriesKind.NM_PLANAR, type);
        }
        if (!reconstructed && (PROJECTIONS.contains(acquisition) || a.contains(DicomTags.DETECTOR_VECTOR))) {
            return new Verdict(SeriesKind.NM_PROJECTIONS, PROJECTIONS.contains(acquisition) ? type : "detector vectors without RECON");
        }
        if (!reconstructed) {
            return new Verdict(SeriesKind.OTHER, type + ": not a reconstruction");
        }
        String units = a.string(DicomTags.UNITS, "");
        List<String> corrections = a.strings(DicomTags.CORRECTED_IMAGE);
        String description = a.string(DicomTags.SERIES_DESCRIPTION, "").toUpperCase(Locale.ROOT);
        if (!corrections.isEmpty() && !corrections.contains("ATTN")) {
            return new Verdict(SeriesKind.SPECT_NAC, "CorrectedImage " + String.join("\\", corrections) + " without ATTN");
        }
        if (imageType.contains("NAC") || NAC.matcher(description).find()) {
            return new Verdict(SeriesKind.SPECT_NAC, imageType.contains("NAC") ? type : "SeriesDescription says NAC");
        }
        if (images < MIN_SPECT_SLICES) {
            return new Verdict(SeriesKind.OTHER, images + " slices: too few for a volume");
        }
        return switch (units.toUpperCase(Locale.ROOT)) {
            case "BQML" -> new Verdict(SeriesKind.SPECT_QUANTITATIVE, "Units BQML, " + images + " slices");
            case "CNTS" -> new Verdict(SeriesKind.SPECT_COUNTS, "Units CNTS, " + images + " slices");
            default -> new Verdict(SeriesKind.OTHER, "Units " + (units.isEmpty() ? "absent" : units) + ": neither BQML nor CNTS");
        };
    }

    /** Image planes: one per single-frame file, NumberOfFrames per multi-frame file. */
    private static int images(ScannedSeries series) throws DosimetryInputException {
        int n = 0;
        for (DicomAttributes a : series.files()) {
            try {
                n += Math.max(1, a.integer(DicomTags.NUMBER_OF_FRAMES, 1));
            } catch (ImageIoException e) {
                throw new DosimetryInputException(e.getMessage(), e);
            }
        }
        return n;
    }
}
