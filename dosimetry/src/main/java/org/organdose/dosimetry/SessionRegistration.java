package org.organdose.dosimetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.organdose.image.Geometry;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.LabelOverlap;
import org.organdose.image.Organ;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;
import org.organdose.image.registration.RegistrationResult;
import org.organdose.image.registration.RigidRegistration;
import org.organdose.image.registration.RigidTransform;

/**
 * The pipeline's registration stage: for each session, the organ masks its activities are
 * measured in (its own, or the diagnostic masks carried into its frame through a rigid
 * registration of its CT to the diagnostic CT) and the transform that brings its SPECT into the
 * diagnostic frame for the dose map; in {@link SessionMasks#BOTH} mode the Dice between carried
 * and segmented masks. Warnings go to the pipeline's list; each registration is kept as a
 * {@link RegistrationRecord} for results.json.
 */
final class SessionRegistration {
    /**
     * Two CTs of one patient registered well correlate above 0.99 in the soft-tissue window (0.9992
     * on the shared moving study); below this the registration is suspect.
     */
    private static final double LOW_CORRELATION = 0.9;
    /**
     * A registration that moves no corner of the diagnostic CT by this much (mm, a fifth of a
     * typical CT voxel) finds no motion: the session is used as lying in the diagnostic frame, so
     * that the labels are not resampled for nothing.
     */
    private static final double NEGLIGIBLE_MOTION_MM = 0.25;
    /** Carried and segmented masks of one organ in one session agreeing less than this are flagged ({@link SessionMasks#BOTH}). */
    static final double LOW_MASK_AGREEMENT = 0.85;

    private final Study study;
    private final DosimetrySettings settings;
    private final List<String> warnings;
    private final List<RegistrationRecord> records = new ArrayList<>();
    private boolean movedSessionWarned;

    SessionRegistration(Study study, DosimetrySettings settings, List<String> warnings) {
        this.study = study;
        this.settings = settings;
        this.warnings = warnings;
    }

    /** The registrations made so far, in session order. */
    List<RegistrationRecord> records() {
        return List.copyOf(records);
    }

    /**
     * A session's organ masks (its own labels, or the diagnostic ones, carried into its frame when
     * the patient moved), and the transform from the diagnostic CT's frame to the session's; null
     * when the session lies, or was found to lie, in the diagnostic frame, or registration is off.
     */
    record Framed(OrganMasks masks, RigidTransform toSession) {
    }

    /** The organ masks of one session: its own, or the diagnostic ones carried to it. */
    Framed frame(Study.Session tp, String at, Volume diagnosticCt, OrganMasks diagnostic)
            throws DosimetryInputException {
        Volume ct = tp.ct();
        boolean sameGrid = ct.geometry().sameGrid(diagnosticCt.geometry(), StudyImages.SAME_GRID_TOLERANCE_MM);
        OrganMasker.Masks own = usableOwnMasks(tp, at, diagnostic);
        if (own != null) {
            OrganMasks masks = new OrganMasks(own.labels(), ct, settings.bodyThresholdHu(), diagnostic.organs());
            if (tp.ctIsDiagnostic()) {
                return new Framed(masks, null);
            }
            if (settings.registration() == null) {
                if (!sameGrid && !movedSessionWarned) {
                    movedSessionWarned = true;
                    warnings.add(at + ": its CT is on another grid than the diagnostic CT: organ activities use its own"
                            + " labels, but the dose map lies in the diagnostic CT's frame and takes the shape inside"
                            + " organs from the SPECTs summed in world coordinates, which motion between sessions blurs"
                            + " (registration is turned off)");
                }
                return new Framed(masks, null);
            }
            Registered r = register(at, tp, diagnosticCt, diagnostic);
            String agreement = recordAgreement(at, tp, r, own, diagnostic.organs());
            if (r.negligible()) {
                return new Framed(masks, null);
            }
            warnings.add(at + ": organ activities use its own masks (" + own.source().describe() + ");" + r.summary()
                    + "; its SPECT brought into the diagnostic frame for the dose map; the diagnostic masks carried"
                    + " through the registration agree with its own with Dice" + agreement);
            return new Framed(masks, r.transform());
        }
        if (tp.ctIsDiagnostic()) {
            return new Framed(diagnostic, null);
        }
        if (settings.registration() == null) {
            if (!sameGrid) {
                warnings.add(at + ": no labels and its CT grid differs from the diagnostic CT's: the diagnostic labels"
                        + " are used in world coordinates, without registration (registration is turned off)");
            }
            return new Framed(diagnostic, null);
        }
        Registered r = register(at, tp, diagnosticCt, diagnostic);
        if (tp.checkMasks() != null) {
            recordAgreement(at, tp, r, tp.checkMasks(), diagnostic.organs());
        }
        if (r.negligible()) {
            return new Framed(diagnostic, null);
        }
        warnings.add(at + ": no labels of its own:" + r.summary()
                + "; the diagnostic labels were carried through the registration and its SPECT brought into the"
                + " diagnostic frame for the dose map");
        return new Framed(r.masks(), r.transform());
    }

    /**
     * The session's own masks when they hold every organ of the diagnostic masks. Given labels
     * missing one are refused; segmented ones missing one are set aside with a warning, and the
     * diagnostic masks are carried to the session instead.
     */
    private OrganMasker.Masks usableOwnMasks(Study.Session tp, String at, OrganMasks diagnostic)
            throws DosimetryInputException {
        OrganMasker.Masks own = tp.masks();
        if (own == null) {
            return null;
        }
        for (String w : own.warnings()) {
            warnings.add(at + ".ct (" + own.source().describe() + "): " + w);
        }
        for (Organ o : diagnostic.organs()) {
            if (own.labels().count(o.label()) == 0) {
                if (own.source().kind() == MaskSource.Kind.FILE) {
                    throw new DosimetryInputException(study.name() + ": " + at + ".labels: " + o.key()
                            + " (label " + o.label() + ") is missing");
                }
                warnings.add(at + ": " + own.source().describe() + " found no " + o.key() + " on this session's CT:"
                        + " the diagnostic masks are carried to the session instead");
                return null;
            }
        }
        return own;
    }

    /**
     * Records, per organ, the Dice between the diagnostic masks carried to the session and masks
     * of the session's own; segmented masks that disagree with the carried ones below
     * {@link #LOW_MASK_AGREEMENT} are flagged. Returns the agreement as text for the warnings.
     */
    private String recordAgreement(String at, Study.Session tp, Registered r, OrganMasker.Masks own, List<Organ> organs) {
        LabelMap carried = Resampler.resampleLabels(r.masks().labels(), tp.ct().geometry(), LabelInterpolation.LABEL_AWARE);
        StringBuilder agreement = new StringBuilder();
        Map<String, Double> dice = new LinkedHashMap<>();
        for (Organ o : organs) {
            double d = LabelOverlap.dice(carried, own.labels(), o.label());
            dice.put(o.key(), Double.isFinite(d) ? d : null);
            agreement.append(String.format(Locale.ROOT, "%s %s %.3f", agreement.length() == 0 ? "" : ",", o.key(), d));
            if (own.source().kind() == MaskSource.Kind.MODEL && d < LOW_MASK_AGREEMENT) {
                warnings.add(String.format(Locale.ROOT, "%s (%s h): %s: the diagnostic mask carried by registration and"
                        + " the mask segmented on this session's CT agree with Dice %.3f only (flag below %.2f): patient"
                        + " motion the rigid registration cannot follow, a bad registration or a bad segmentation; review"
                        + " this session", at, tp.hoursPostInjection(), o.key(), d, LOW_MASK_AGREEMENT));
            }
        }
        RegistrationRecord record = records.get(r.recordIndex());
        records.set(r.recordIndex(), own.source().kind() == MaskSource.Kind.MODEL ? record.withDiceCarriedVsSegmented(dice)
                : record.withDiceCarriedVsOwnLabels(dice));
        return agreement.toString();
    }

    /**
     * A session registered to the diagnostic CT: the transform (diagnostic to session frame), the
     * diagnostic masks carried into the session's frame, where its record for results.json is, a
     * one-line summary for the warnings, and whether the motion found is negligible (then the
     * session is treated as lying in the diagnostic frame).
     */
    private record Registered(RigidTransform transform, OrganMasks masks, int recordIndex, String summary,
                              boolean negligible) {
    }

    /**
     * The session CT registered to the diagnostic CT and the diagnostic labels (and, for the body
     * compartment, the diagnostic CT) carried into the session's frame: the same voxels on the
     * grid moved by the transform, mapped onto the SPECT by world coordinates without any
     * resampling in between. The transform is recorded for results.json.
     */
    private Registered register(String at, Study.Session tp, Volume diagnosticCt, OrganMasks diagnostic)
            throws DosimetryInputException {
        RegistrationResult r;
        try {
            r = RigidRegistration.register(diagnosticCt, tp.ct(), settings.registration());
        } catch (IllegalArgumentException e) {
            throw new DosimetryInputException(study.name() + ": " + at + ".ct: cannot register it to the diagnostic CT: "
                    + e.getMessage(), e);
        }
        RigidTransform toSession = r.transform();
        // the diagnostic labels and CT moved with the patient, voxels untouched: their grid carried by the transform
        Geometry carriedGrid = toSession.carry(diagnosticCt.geometry());
        OrganMasks carried = new OrganMasks(new LabelMap(carriedGrid, diagnostic.labels().labels()),
                new Volume(carriedGrid, diagnosticCt.voxels()), settings.bodyThresholdHu(), diagnostic.organs());
        double[] t = toSession.translation();
        String summary = String.format(Locale.ROOT, " registered to the diagnostic CT (rigid, normalised"
                + " cross-correlation %.4f): the patient moved by %.1f mm (%.1f, %.1f, %.1f LPS) at the body centre and"
                + " turned by %.2f degrees (transform in settings.registration)", r.finalMetric(),
                Math.sqrt(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]), t[0], t[1], t[2], toSession.rotationAngleDegrees());
        if (r.finalMetric() < LOW_CORRELATION) {
            summary += "; the correlation is low for two CTs of one patient: check the alignment";
        }
        double largest = largestDisplacementMm(toSession, diagnosticCt.geometry());
        boolean negligible = largest < NEGLIGIBLE_MOTION_MM;
        double[] e = toSession.eulerAngles();
        records.add(new RegistrationRecord(tp.hoursPostInjection(),
                tp.ctFile() == null ? at + ".ct" : tp.ctFile().getFileName().toString(),
                study.diagnosticCtImage() == null ? "diagnostic_ct" : study.diagnosticCtImage().describe(),
                new double[] {Math.toDegrees(e[0]), Math.toDegrees(e[1]), Math.toDegrees(e[2])},
                toSession.rotationAngleDegrees(), toSession.centre(), t, toSession.matrix4(), r.finalMetric(),
                r.iterationsPerLevel(), r.seconds(), largest, negligible, null, null));
        return new Registered(toSession, carried, records.size() - 1, summary, negligible);
    }

    /** The largest displacement the transform gives any corner of the grid's extent, mm. */
    private static double largestDisplacementMm(RigidTransform t, Geometry g) {
        double largest = 0;
        for (int c = 0; c < 8; c++) {
            double[] d = t.displacementAt(g.indexToWorld((c & 1) == 0 ? 0 : g.nx() - 1, (c & 2) == 0 ? 0 : g.ny() - 1,
                    (c & 4) == 0 ? 0 : g.nz() - 1));
            largest = Math.max(largest, Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]));
        }
        return largest;
    }
}
