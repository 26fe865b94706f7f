package org.organdose.dosimetry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageMetadata;
import org.organdose.image.io.MedicalImage;

/**
 * Checks that an image is what its field in the study says it is, not only that it parses: a
 * CT given as a SPECT would otherwise be read as activity. Clear mismatches are refused with one
 * line; doubtful cases add a warning.
 */
final class InputPlausibility {
    /** Air, lung and fat are below this in HU: a CT of a body always holds such voxels. */
    static final double NO_AIR_HU = -200;
    /**
     * A reconstruction (OSEM) gives no negative activity; filtered back projection and scatter
     * subtraction give a little. Negative totals beyond these shares of the positive total are
     * doubtful, then refused (a CT's air read as activity is about as negative as its body is positive).
     */
    static final double NEGATIVE_SHARE_WARN = 0.001;
    static final double NEGATIVE_SHARE_REFUSE = 0.2;
    /**
     * The SPECT's field of view cannot hold more than what is left of the injected activity;
     * beyond these factors (calibration and injection uncertainty) its units are doubtful, then wrong.
     */
    static final double EXCESS_WARN = 1.1;
    static final double EXCESS_REFUSE = 2.0;
    /** Less than this share of the remaining activity in the field of view is doubtful (units off by 1000?). */
    static final double DEFICIT_WARN = 0.01;

    private InputPlausibility() {
    }

    /** A CT in HU: a CT modality when the file says, and negative values (air around the body). */
    static void checkCt(MedicalImage ct, String where, List<String> warnings) throws DosimetryInputException {
        if (ct.metadata().knowsModality() && !"CT".equalsIgnoreCase(ct.metadata().modality())) {
            throw new DosimetryInputException(where + ": the image is " + ct.metadata().modality() + ", not a CT");
        }
        float[] v = ct.volume().voxels();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (min >= 0) {
            throw new DosimetryInputException(String.format(Locale.ROOT, "%s: does not look like a CT in HU: its values run"
                    + " from %.4g to %.4g, none below 0 (air, lung and fat are negative in HU); is it a SPECT?", where, min, max));
        }
        if (min > NO_AIR_HU) {
            warnings.add(String.format(Locale.ROOT, "%s: no voxel below %.0f HU (lowest %.0f HU): no air around the body;"
                    + " check that it is a CT in HU", where, NO_AIR_HU, min));
        }
    }

    /**
     * A SPECT in MBq/mL: not a CT by its modality, (almost) no negative activity, and a total in
     * the field of view that the injected activity left at that time can explain.
     *
     * @param injectedMBq NaN when unknown (the total is then not checked)
     */
    static void checkSpect(ImageMetadata metadata, Volume mbqPerMl, double hours, double injectedMBq, Radionuclide nuclide,
                           String where, List<String> warnings) throws DosimetryInputException {
        if (metadata.knowsModality() && "CT".equalsIgnoreCase(metadata.modality())) {
            throw new DosimetryInputException(where + ": the image is a CT, not a SPECT");
        }
        double positive = 0;
        double negative = 0;
        for (float x : mbqPerMl.voxels()) {
            if (x > 0) {
                positive += x;
            } else {
                negative -= x;
            }
        }
        if (!(positive > 0)) {
            throw new DosimetryInputException(where + ": holds no activity (no positive voxel)");
        }
        double share = negative / positive;
        if (share > NEGATIVE_SHARE_REFUSE) {
            throw new DosimetryInputException(String.format(Locale.ROOT, "%s: its negative values sum to %.0f %% of its"
                    + " positive ones: activity is never negative; is it a CT in HU?", where, 100 * share));
        }
        if (share > NEGATIVE_SHARE_WARN) {
            warnings.add(String.format(Locale.ROOT, "%s: its negative values sum to %.2f %% of its positive ones"
                    + " (a reconstruction gives none; they are counted as they are in organ activities)", where, 100 * share));
        }
        if (Double.isFinite(injectedMBq)) {
            double inFieldMBq = positive * mbqPerMl.geometry().voxelVolumeMm3() / 1000;
            double remainingMBq = injectedMBq * Math.exp(-nuclide.decayConstantPerHour() * hours);
            double ratio = inFieldMBq / remainingMBq;
            String numbers = String.format(Locale.ROOT, "it holds %.4g MBq, %.3g times the %.4g MBq left of the injected"
                    + " %.4g MBq at %s h", inFieldMBq, ratio, remainingMBq, injectedMBq, hours);
            if (ratio > EXCESS_REFUSE) {
                throw new DosimetryInputException(where + ": " + numbers + ": check its units and the injected activity");
            }
            if (ratio > EXCESS_WARN || ratio < DEFICIT_WARN) {
                warnings.add(where + ": " + numbers + ": check its units and the injected activity");
            }
        }
    }

    /**
     * Sets every label value that is no organ to background, with one warning naming each value
     * and its voxel count: a label map may hold other structures (tumours, vessels) that the
     * dosimetry does not report.
     */
    static void dropUnknownLabels(LabelMap labels, String where, List<String> warnings) {
        byte[] l = labels.labels();
        Map<Integer, Long> unknown = new TreeMap<>();
        for (int p = 0; p < l.length; p++) {
            int value = l[p] & 0xff;
            if (value > Organ.values().length) { // organ labels are 1 to the number of organs
                unknown.merge(value, 1L, Long::sum);
                l[p] = 0;
            }
        }
        unknown.forEach((value, count) -> warnings.add(String.format(Locale.ROOT, "%s: label value %d (%d voxels) is no"
                + " organ (1 liver, 2 kidney_right, 3 kidney_left, 4 spleen): ignored as background", where, value, count)));
    }
}
