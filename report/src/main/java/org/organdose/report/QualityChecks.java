package org.organdose.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.organdose.dosimetry.SavedResults;
import org.organdose.image.DistanceMap;
import org.organdose.image.Geometry;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Morphology;
import org.organdose.image.Organ;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;

/**
 * The checks a physicist makes before signing a dosimetry: is each time-activity fit sound, does
 * an organ run out of the CT, does the organ mask change between sessions, does the activity sit
 * where the CT says the organ is (centroid, and activity left just outside the mask), and may a
 * hot neighbour spill into it.
 */
public final class QualityChecks {
    static final double MIN_R_SQUARED = 0.9;
    /** Relative change of an organ's mask volume between a session and the diagnostic CT. */
    static final double MAX_VOLUME_CHANGE = 0.15;
    /** Distance between the activity centroid and the CT organ centroid. */
    static final double MAX_CENTROID_OFFSET_MM = 10;
    /**
     * Change of that offset between sessions (from its mean over the sessions). On the shared
     * static study it stays within 2.6 mm; sessions moved by 5 to 7 mm give 3.7 to 6.2 mm.
     */
    static final double MAX_CENTROID_SHIFT_MM = 4;
    /** A neighbour this many times more concentrated, within one FWHM, may spill into the organ. */
    static final double HOT_NEIGHBOUR_RATIO = 2;
    private static final double DEFAULT_FWHM_MM = 11;
    /** The dosimetry's threshold, for results.json files that do not record it. */
    private static final double DEFAULT_OUTSIDE_EXCESS_PERCENT = 10;

    private final ReportData data;
    private final double fwhmMm;
    /** The diagnostic labels on the dose grid and each organ's distance map there, made when first needed. */
    private LabelMap labelsOnDose;
    private final Map<Organ, Volume> distanceMaps = new EnumMap<>(Organ.class);

    private QualityChecks(ReportData data) {
        this.data = data;
        Object fwhm = data.results().settings().get("spect_fwhm_mm");
        this.fwhmMm = fwhm instanceof Number n ? n.doubleValue() : DEFAULT_FWHM_MM;
    }

    public static List<QaCheck> run(ReportData data) {
        return new QualityChecks(data).run();
    }

    private List<QaCheck> run() {
        List<QaCheck> out = new ArrayList<>();
        for (SavedResults.OrganValues o : data.results().organs()) {
            out.add(fit(o));
            out.add(fieldOfView(o.organ()));
            out.add(maskVolume(o));
            out.add(activityCentroid(o.organ()));
            out.add(activityOutside(o.organ()));
            out.add(spillIn(o));
        }
        return out;
    }

    private QaCheck fit(SavedResults.OrganValues o) {
        String check = "Time-activity fit";
        double r2 = o.fit().rSquared();
        String model = o.fit().model().name();
        if (Double.isFinite(r2) && r2 < MIN_R_SQUARED) {
            return new QaCheck(o.organ(), check, QaCheck.Status.FLAG, String.format(Locale.ROOT, "%s fit with R² = %.3f"
                    + " (below %.2f): the curve does not follow the measured activities, so the time-integrated"
                    + " activity and the dose rest on a poor model. Check the activities per time point and try"
                    + " another fit model.", model, r2, MIN_R_SQUARED));
        }
        String r2Text = Double.isFinite(r2) ? String.format(Locale.ROOT, "R² = %.4f", r2) : "no fitted curve (trapezoid)";
        if (!o.fit().warnings().isEmpty()) {
            return new QaCheck(o.organ(), check, QaCheck.Status.NOTE, model + ", " + r2Text + ". The fit warns: "
                    + String.join("; ", o.fit().warnings()) + ".");
        }
        return new QaCheck(o.organ(), check, QaCheck.Status.PASS, model + ", " + r2Text + ".");
    }

    /** Organ voxels on a face of the CT volume: the organ may continue beyond the scan. */
    private QaCheck fieldOfView(Organ organ) {
        String check = "Field of view";
        OrganExtent e = data.extents().get(organ);
        Geometry g = data.labels().geometry();
        if (e == null) {
            return new QaCheck(organ, check, QaCheck.Status.NOT_CHECKED, "the organ is not in the diagnostic labels.");
        }
        List<String> faces = new ArrayList<>();
        double[] dir = g.direction();
        for (int a = 0; a < 3; a++) {
            if (e.minIndex()[a] == 0) {
                faces.add(faceName(dir, a, -1));
            }
            if (e.maxIndex()[a] == g.size(a) - 1) {
                faces.add(faceName(dir, a, +1));
            }
        }
        if (faces.isEmpty()) {
            return new QaCheck(organ, check, QaCheck.Status.PASS, "the organ lies inside the CT on every side.");
        }
        return new QaCheck(organ, check, QaCheck.Status.FLAG, "the organ touches the " + String.join(" and ", faces)
                + " edge of the CT field of view: part of it may lie outside the scan, so its mass, activity and dose"
                + " may be underestimated.");
    }

    /** The patient direction of the outward normal of the face at one end of index axis {@code a}. */
    private static String faceName(double[] direction, int a, int sign) {
        int best = 0;
        for (int r = 1; r < 3; r++) {
            if (Math.abs(direction[3 * r + a]) > Math.abs(direction[3 * best + a])) {
                best = r;
            }
        }
        boolean positive = direction[3 * best + a] * sign > 0;
        return switch (best) {
            case 0 -> positive ? "left" : "right";
            case 1 -> positive ? "posterior" : "anterior";
            default -> positive ? "superior" : "inferior";
        };
    }

    private QaCheck maskVolume(SavedResults.OrganValues o) {
        String check = "Mask volume over time";
        List<String> parts = new ArrayList<>();
        double worst = 0;
        for (ReportData.Session s : data.sessions()) {
            if (s.labels() != null) {
                double v = s.labels().volumeMl(o.organ().label());
                double change = (v - o.volumeMl()) / o.volumeMl();
                worst = Math.max(worst, Math.abs(change));
                parts.add(String.format(Locale.ROOT, "%s h: %.1f mL (%s)", Axis.label(s.hours()), v,
                        Format.percentDifference(v, o.volumeMl())));
            } else if (s.unreadable() != null) {
                parts.add(Axis.label(s.hours()) + " h: not checked (" + s.unreadable() + ")");
            }
        }
        if (parts.isEmpty()) {
            return new QaCheck(o.organ(), check, QaCheck.Status.NOT_CHECKED, "the time points have no organ labels of"
                    + " their own: the diagnostic labels were used for every time point.");
        }
        String numbers = String.format(Locale.ROOT, "diagnostic CT %.1f mL; ", o.volumeMl()) + String.join("; ", parts);
        if (worst > MAX_VOLUME_CHANGE) {
            return new QaCheck(o.organ(), check, QaCheck.Status.FLAG, numbers + ". The mask volume changes by more than "
                    + Format.fixed(100 * MAX_VOLUME_CHANGE, 0) + " % between sessions: a segmentation error or a"
                    + " different organ extent in one session changes the activity measured in it.");
        }
        return new QaCheck(o.organ(), check, QaCheck.Status.PASS, numbers + ".");
    }

    /**
     * The dosimetry's misalignment check, as recorded in results.json
     * ({@code settings.alignment_qa}): per session, how far the organ's activity centroid in the
     * SPECT lies from that of the fitted model (every organ and the body at their measured
     * concentrations, blurred with the SPECT resolution) around the organ's mask in that session.
     * Spill from hot neighbours is in the model, so aligned organs read a few mm whatever their
     * surroundings; a mask off its activity adds to the offset (it underestimates large shifts:
     * an alarm, not a measurement). An offset that varies between sessions more than
     * {@link #MAX_CENTROID_SHIFT_MM} points to motion between the masks and the SPECTs.
     */
    private QaCheck activityCentroid(Organ organ) {
        String check = "Activity centroid";
        Map<Double, Double> offsets = recordedPerSession(organ, "activity_centroid_offset_mm");
        if (offsets.isEmpty()) {
            return new QaCheck(organ, check, QaCheck.Status.NOT_CHECKED,
                    "results.json records no alignment check (settings.alignment_qa): rerun the dosimetry.");
        }
        double mean = offsets.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double worstOffset = 0;
        double worstShift = 0;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Double, Double> e : offsets.entrySet()) {
            worstOffset = Math.max(worstOffset, e.getValue());
            worstShift = Math.max(worstShift, Math.abs(e.getValue() - mean));
            parts.add(String.format(Locale.ROOT, "%s h: %.1f mm", Axis.label(e.getKey()), e.getValue()));
        }
        String numbers = "offset of the activity centroid from the model's (organs and body at their measured"
                + " concentrations, blurred with the SPECT resolution): " + String.join("; ", parts);
        if (worstOffset > MAX_CENTROID_OFFSET_MM) {
            return new QaCheck(organ, check, QaCheck.Status.FLAG, numbers + ". More than "
                    + Format.fixed(MAX_CENTROID_OFFSET_MM, 0) + " mm: the SPECT and the CT organ mask may be misaligned"
                    + " (wrong registration, patient motion, breathing), so part of the organ's activity is missed.");
        }
        if (worstShift > MAX_CENTROID_SHIFT_MM) {
            return new QaCheck(organ, check, QaCheck.Status.FLAG, numbers + ". The offset changes by more than "
                    + Format.fixed(MAX_CENTROID_SHIFT_MM, 0) + " mm between sessions: the patient probably moved relative to"
                    + " the organ mask used for that session; give each time point its own labels (or register the"
                    + " sessions) so that the organ activities are measured where the organ is.");
        }
        return new QaCheck(organ, check, QaCheck.Status.PASS, numbers + ".");
    }

    /**
     * The dosimetry's check just outside the organ ({@code settings.alignment_qa}): per session,
     * the measured minus the modelled activity in a shell about one FWHM deep around the mask, as
     * a percentage of the organ's activity. The model holds the resolution's spill-out, so an
     * aligned session reads a few percent; more means activity the mask leaves out.
     */
    private QaCheck activityOutside(Organ organ) {
        String check = "Activity just outside the mask";
        Map<Double, Double> excess = recordedPerSession(organ, "outside_activity_excess_percent");
        if (excess.isEmpty()) {
            return new QaCheck(organ, check, QaCheck.Status.NOT_CHECKED,
                    "results.json records no check of the activity outside the masks (settings.alignment_qa): rerun the dosimetry.");
        }
        double threshold = DEFAULT_OUTSIDE_EXCESS_PERCENT;
        if (data.results().settings().get("alignment_qa") instanceof Map<?, ?> qa
                && qa.get("outside_excess_threshold_percent") instanceof Number t) {
            threshold = t.doubleValue();
        }
        double worst = Double.NEGATIVE_INFINITY;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Double, Double> e : excess.entrySet()) {
            worst = Math.max(worst, e.getValue());
            parts.add(String.format(Locale.ROOT, "%s h: %+.1f %%", Axis.label(e.getKey()), e.getValue()));
        }
        String numbers = "activity just outside the mask beyond the resolution's spill-out, % of the organ's activity: "
                + String.join("; ", parts);
        if (worst > threshold) {
            return new QaCheck(organ, check, QaCheck.Status.FLAG, numbers + ". More than " + Format.fixed(threshold, 0)
                    + " %: the mask misses part of the organ's activity (SPECT and CT misaligned, or the contour too tight).");
        }
        return new QaCheck(organ, check, QaCheck.Status.PASS, numbers + ".");
    }

    /** settings.alignment_qa.timepoints[].{key}.{organ}, by hours p.i. */
    private Map<Double, Double> recordedPerSession(Organ organ, String key) {
        Map<Double, Double> out = new TreeMap<>();
        if (data.results().settings().get("alignment_qa") instanceof Map<?, ?> qa && qa.get("timepoints") instanceof List<?> tps) {
            for (Object item : tps) {
                if (item instanceof Map<?, ?> tp && tp.get("hours") instanceof Number h
                        && tp.get(key) instanceof Map<?, ?> byOrgan
                        && byOrgan.get(organ.key()) instanceof Number v) {
                    out.put(h.doubleValue(), v.doubleValue());
                }
            }
        }
        return out;
    }

    private QaCheck spillIn(SavedResults.OrganValues o) {
        String check = "Spill-in from neighbours";
        List<String> hot = new ArrayList<>();
        for (SavedResults.OrganValues n : data.results().organs()) {
            if (n.organ() == o.organ()) {
                continue;
            }
            double gap = gapMm(o.organ(), n.organ());
            if (!(gap <= fwhmMm)) {
                continue;
            }
            double ratio = 0;
            double at = Double.NaN;
            for (Map.Entry<Double, Double> e : o.activityMBqByHours().entrySet()) {
                Double theirs = n.activityMBqByHours().get(e.getKey());
                double r = theirs == null ? 0 : (theirs / n.volumeMl()) / (e.getValue() / o.volumeMl());
                if (r > ratio) {
                    ratio = r;
                    at = e.getKey();
                }
            }
            if (ratio >= HOT_NEIGHBOUR_RATIO) {
                hot.add(String.format(Locale.ROOT, "%s (%.0f mm away, %.1f× the activity concentration at %s h)",
                        OrganStyle.name(n.organ()).toLowerCase(), gap, ratio, Axis.label(at)));
            }
        }
        if (hot.isEmpty()) {
            return new QaCheck(o.organ(), check, QaCheck.Status.PASS, String.format(Locale.ROOT, "no organ at least %.0f×"
                    + " as concentrated lies within one SPECT FWHM (%.0f mm).", HOT_NEIGHBOUR_RATIO, fwhmMm));
        }
        String what = "hot neighbour within one SPECT FWHM (" + Format.fixed(fwhmMm, 0) + " mm): " + String.join("; ", hot)
                + ". Its counts blur into this organ's region.";
        if ("GTM".equals(data.results().settings().get("activity_method"))) {
            return new QaCheck(o.organ(), check, QaCheck.Status.NOTE, what + " The GTM method corrects for this"
                    + " crosstalk as far as the FWHM setting is right; the dose inside the organ near the neighbour"
                    + " may still be raised.");
        }
        return new QaCheck(o.organ(), check, QaCheck.Status.FLAG, what + " The " + data.results().settings().get("activity_method")
                + " method does not correct for it: this organ's activity may be overestimated.");
    }

    /** Distance between the nearest voxel centres of the two organs on the dose grid, mm. */
    private double gapMm(Organ a, Organ b) {
        LabelMap onDose = labelsOnDoseGrid();
        Volume dist = distanceMaps.computeIfAbsent(a, x -> DistanceMap.euclideanMm(onDose.select(x.label())));
        byte[] l = onDose.labels();
        float[] d = dist.voxels();
        double best = Double.POSITIVE_INFINITY;
        for (int p = 0; p < l.length; p++) {
            if (l[p] == b.label() && d[p] < best) {
                best = d[p];
            }
        }
        return best;
    }

    private LabelMap labelsOnDoseGrid() {
        if (labelsOnDose == null) {
            labelsOnDose = Resampler.resampleLabels(data.labels(), data.doseGy().geometry(), LabelInterpolation.NEAREST);
        }
        return labelsOnDose;
    }
}
