package org.organdose.dosimetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.organdose.dosimetry.kernel.Emissions;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.Interpolation;
import org.organdose.image.LabelInterpolation;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;
import org.organdose.image.registration.RigidRegistration;
import org.organdose.image.registration.RigidTransform;

/**
 * From a study manifest to organ activities, time-integrated activities, a dose map and
 * organ doses and DVHs.
 *
 * <ol>
 *   <li>Masses: organ volumes on the diagnostic CT's labels times the density.</li>
 *   <li>Per time point: the SPECT in MBq/mL, the session's organ labels mapped onto the SPECT
 *       grid with fractional coverage, and organ activities by the chosen {@link ActivityMethod}.
 *       The labels are the session's own, or the diagnostic ones carried through a registration
 *       of the session CT to the diagnostic CT ({@link RigidRegistration}); a session whose CT is
 *       the diagnostic CT, or whose registration finds no motion, uses the diagnostic labels as
 *       they are.
 *       A QA check ({@link AlignmentCheck}) flags organs whose activity centroid lies off the
 *       CT masks.</li>
 *   <li>Time-activity fits and their integrals per organ ({@link TimeActivityFitter}).</li>
 *   <li>The voxel TIA map on the dose grid (the diagnostic CT's extent at the dose spacing):
 *       each organ's TIA spread over its dose voxels (those whose centre lies in it) in proportion to the time-integrated SPECT
 *       (each registered session's SPECT first brought into the diagnostic frame) divided
 *       by the organ's own mask blurred with the SPECT resolution (which undoes the fall-off
 *       that blurring puts at the organ's edge), plus the rest of the body at the uniform
 *       concentration of the transfer matrix's body compartment, integrated as a trapezoid.
 *       With {@link TiaMapMethod#VOXEL_FITS} the organ's share per voxel comes from per-voxel
 *       kinetics instead ({@link VoxelKinetics}), each session's SPECT corrected alike.</li>
 *   <li>Dose by convolution with a voxel S value kernel (computed from physics for the dose grid, or
 *       read from a file) or by local deposition, then the mean
 *       dose and DVH of each organ over the dose voxels whose centre lies in it.</li>
 * </ol>
 */
public final class DosimetryPipeline {
    /** Blurred organ fractions below this are not used to correct the organ's SPECT shape (noise). */
    private static final double MIN_RECOVERY = 0.05;


    private final Study study;
    private final DosimetrySettings settings;
    private final ProgressListener progress;
    private final List<String> warnings = new ArrayList<>();
    private final StageClock clock = new StageClock();
    private final SessionRegistration sessions;
    private final List<Map<String, Object>> alignment = new ArrayList<>();
    /** Per organ, what the voxel kinetics found (VOXEL_FITS only). */
    private final Map<String, Object> voxelKinetics = new LinkedHashMap<>();

    private DosimetryPipeline(Study study, DosimetrySettings settings, ProgressListener progress) {
        this.study = study;
        this.settings = settings;
        this.progress = progress;
        warnings.addAll(study.warnings());
        this.sessions = new SessionRegistration(study, settings, warnings);
    }

    /**
     * Runs the whole dosimetry on a study whose diagnostic CT has organ masks (given, or completed
     * by {@link StudyMasking}); nothing is written (see {@link ResultsWriter}).
     */
    public static DosimetryResults run(Study study, DosimetrySettings settings, ProgressListener progress)
            throws DosimetryInputException {
        return new DosimetryPipeline(study, settings, progress).run();
    }

    /** Loads the manifest's study ({@link StudyLoader}) and runs it; the manifest must give diagnostic labels. */
    public static DosimetryResults run(StudyManifest manifest, DosimetrySettings settings, ProgressListener progress)
            throws DosimetryInputException {
        return run(StudyLoader.load(manifest), settings, progress);
    }

    private DosimetryResults run() throws DosimetryInputException {
        Radionuclide nuclide = study.radionuclide();
        List<Study.Session> tps = study.sessions();
        int nt = tps.size();
        double[] hours = study.hours();

        if (study.diagnosticMasks() == null) {
            throw new DosimetryInputException(study.name() + ": no organ masks on the diagnostic CT: give labels (the"
                    + " manifest's diagnostic_labels, or --labels) or let them be segmented automatically");
        }
        for (String w : study.diagnosticMasks().warnings()) {
            warnings.add("diagnostic_ct (" + study.diagnosticMasks().source().describe() + "): " + w);
        }
        Volume ct = study.diagnosticCt();
        LabelMap labels = study.diagnosticMasks().labels();
        List<Organ> organs = organsPresent(labels);
        OrganMasks diagnostic = new OrganMasks(labels, ct, settings.bodyThresholdHu(), organs);

        ActivityExtractor extractor = new ActivityExtractor(settings);
        double[][] activity = new double[organs.size()][nt];
        double[] bodyConcentration = new double[nt];
        Volume integratedSpect = null;
        List<Volume> framedSpects = new ArrayList<>();
        double[] shapeWeights = trapezoidWeights(hours);
        for (int t = 0; t < nt; t++) {
            Study.Session tp = tps.get(t);
            String at = Study.Session.field(t);
            progress.progress("time point " + tp.hoursPostInjection() + " h: registration and organ activities", 0.05 + 0.6 * t / nt);
            Volume spect = tp.spectMBqPerMl();
            long stageStart = System.nanoTime();
            SessionRegistration.Framed session = sessions.frame(tp, at, ct, diagnostic);
            clock.addSince("registration", stageStart);
            stageStart = System.nanoTime();
            OrganMasks masks = session.masks();
            ActivityExtractor.Activities a;
            try {
                a = extractor.extract(spect, masks);
            } catch (DosimetryInputException e) {
                throw new DosimetryInputException(study.name() + ": " + at + ".spect: " + e.getMessage(), e);
            }
            for (int o = 0; o < organs.size(); o++) {
                activity[o][t] = a.organActivityMBq()[o];
            }
            bodyConcentration[t] = a.bodyConcentrationMBqPerMl();
            checkAlignment(tp, at, spect, masks, a);
            Volume framed = inDiagnosticFrame(spect, session.toSession(),
                    integratedSpect == null ? spect.geometry() : integratedSpect.geometry());
            integratedSpect = accumulate(integratedSpect, framed, shapeWeights[t]);
            if (settings.tiaMap() == TiaMapMethod.VOXEL_FITS) {
                framedSpects.add(framed);
            }
            clock.addSince("activities", stageStart);
        }

        progress.progress("time-activity fits", 0.7);
        long fitStart = System.nanoTime();
        List<TimeActivityFit> fits = new ArrayList<>();
        for (int o = 0; o < organs.size(); o++) {
            TimeActivityFit fit = TimeActivityFitter.fit(hours, activity[o], settings.fitModel(), nuclide);
            for (String w : fit.warnings()) {
                warnings.add(organs.get(o).key() + ": " + w);
            }
            if (!(fit.tiaMBqH() > 0)) {
                throw new DosimetryInputException(String.format(Locale.ROOT, "%s: %s: the time-integrated activity is"
                        + " %.4g MBq h; the organ's activities %s cannot be integrated", study.name(),
                        organs.get(o).key(), fit.tiaMBqH(), Arrays.toString(activity[o])));
            }
            fits.add(fit);
        }
        double bodyTiaMBqHPerMl = TimeActivityFitter.trapezoid(hours, bodyConcentration, nuclide, List.of()).tiaMBqH();

        clock.addSince("fits", fitStart);
        progress.progress("voxel dose", 0.75);
        long doseStart = System.nanoTime();
        DoseMap dose = doseMap(ct.geometry(), diagnostic, new SpectSeries(hours, integratedSpect, framedSpects),
                fits, bodyTiaMBqHPerMl);

        progress.progress("organ doses", 0.95);
        List<OrganResult> results = new ArrayList<>();
        for (int o = 0; o < organs.size(); o++) {
            Organ organ = organs.get(o);
            double volumeMl = labels.volumeMl(organ.label());
            Map<Double, Double> byHours = new TreeMap<>();
            for (int t = 0; t < nt; t++) {
                byHours.put(hours[t], activity[o][t]);
            }
            DoseVolumeHistogram dvh = DoseVolumeHistogram.of(dose.doseGy().voxels(), dose.organs()[o].voxels());
            results.add(new OrganResult(organ, volumeMl, volumeMl * settings.densityGPerMl(), byHours, fits.get(o),
                    dvh.meanGy(), dvh));
        }
        clock.addSince("dose", doseStart);
        progress.progress("done", 1.0);
        return new DosimetryResults(nuclide, results, describe(dose, bodyTiaMBqHPerMl), warnings, dose.doseGy(),
                study, clock.seconds());
    }

    /**
     * The absorbed dose on the dose grid, how it was made, and each organ's voxels on that grid.
     *
     * @param kernel null for local deposition
     */
    private record DoseMap(Volume doseGy, Volume[] organs, DoseMethod method, VoxelSKernel kernel, double spacingMm) {
    }

    /**
     * The SPECTs in the diagnostic frame, all on the first SPECT's grid.
     *
     * @param integrated their sum with trapezoid weights over the measured span
     * @param each       each session's, in time order (empty unless the TIA map needs them)
     */
    private record SpectSeries(double[] hours, Volume integrated, List<Volume> each) {
    }

    private DoseMap doseMap(Geometry ctGrid, OrganMasks diagnostic, SpectSeries spects, List<TimeActivityFit> fits,
                            double bodyTiaMBqHPerMl) throws DosimetryInputException {
        DoseKernel choice = settings.kernel();
        boolean local = choice.method() == DoseMethod.LOCAL_DEPOSITION;
        // the kernel first: its file, read once, may set the grid spacing
        VoxelSKernel kernel = local ? null
                : choice.forGrid(study.radionuclide(), settings.doseGridSpacingMm(), settings.densityGPerMl(), warnings);
        double spacing = kernel != null ? kernel.voxelSizeMm()
                : Double.isNaN(settings.doseGridSpacingMm()) ? DosimetrySettings.DEFAULT_GRID_MM : settings.doseGridSpacingMm();
        Geometry grid = doseGrid(ctGrid, spacing);
        Volume[] organs = organsOnDoseGrid(diagnostic, grid);
        Volume tia = tiaMap(spects, diagnostic, organs, fits, bodyTiaMBqHPerMl, grid);
        if (local) {
            return new DoseMap(DoseCalculator.localDeposition(tia, study.radionuclide(), settings.densityGPerMl()),
                    organs, DoseMethod.LOCAL_DEPOSITION, null, spacing);
        }
        return new DoseMap(DoseCalculator.kernelConvolution(tia, kernel), organs, DoseMethod.KERNEL_CONVOLUTION, kernel, spacing);
    }

    /**
     * The dose grid: the CT's orientation, its first voxel centre as origin, and enough voxels at
     * {@code spacingMm} to reach past its last voxel centre.
     */
    static Geometry doseGrid(Geometry ct, double spacingMm) {
        int[] n = new int[3];
        for (int a = 0; a < 3; a++) {
            n[a] = (int) Math.ceil((ct.size(a) - 1) * ct.spacing(a) / spacingMm - 1e-6) + 1;
        }
        return ct.with(n[0], n[1], n[2], new double[] {spacingMm, spacingMm, spacingMm}, ct.origin());
    }

    /**
     * Each organ on the dose grid as the voxels whose centre lies in it (weight 1). The same
     * voxels receive the organ's TIA and make its mean dose and DVH, so that no organ activity
     * lands, through partly covered border voxels, in voxels that are not counted as organ; a
     * border voxel's dose would otherwise average the organ with its colder surroundings. An
     * organ too small to hold a voxel centre falls back to the fraction of each voxel it covers.
     */
    private Volume[] organsOnDoseGrid(OrganMasks masks, Geometry doseGrid) throws DosimetryInputException {
        byte[] l = Resampler.resampleLabels(masks.labels(), doseGrid, LabelInterpolation.NEAREST).labels();
        List<Organ> organs = masks.organs();
        Volume[] out = new Volume[organs.size()];
        for (int o = 0; o < out.length; o++) {
            Organ organ = organs.get(o);
            float[] w = new float[l.length];
            boolean any = false;
            for (int p = 0; p < l.length; p++) {
                if (l[p] == organ.label()) {
                    w[p] = 1;
                    any = true;
                }
            }
            if (any) {
                out[o] = new Volume(doseGrid, w);
            } else {
                warnings.add(organ.key() + ": no dose voxel centre inside the organ: its dose voxels are weighted by"
                        + " the fraction they cover");
                out[o] = Resampler.fractionCovered(masks.labels(), organ.label(), doseGrid, OrganMasks.SUBSAMPLES);
                if (out[o].range()[1] <= 0) {
                    // no dose, no DVH: a setting the user chose made the computation impossible
                    throw new DosimetryInputException(String.format(Locale.ROOT, "%s: the organ covers no voxel of the"
                            + " %.3g mm dose grid; choose a finer dose grid spacing", organ.key(), doseGrid.spacing(0)));
                }
            }
        }
        return out;
    }

    private List<Organ> organsPresent(LabelMap labels) throws DosimetryInputException {
        long[] counts = new long[128];
        for (byte b : labels.labels()) {
            counts[b & 0x7f]++;
        }
        List<Organ> present = new ArrayList<>();
        for (Organ o : Organ.values()) {
            if (counts[o.label()] > 0) {
                present.add(o);
            } else {
                warnings.add(o.key() + " (label " + o.label() + ") is not in the diagnostic CT's masks ("
                        + study.diagnosticMasks().source().describe() + "): no result for it");
            }
        }
        if (present.isEmpty()) {
            throw new DosimetryInputException(study.name() + ": the diagnostic CT's masks (" + study.diagnosticMasks().source()
                    .describe() + ") hold no organ (1 liver, 2 kidney_right, 3 kidney_left, 4 spleen): is it an abdominal CT?");
        }
        return present;
    }

    /**
     * Flags organs whose activity centroid lies off the CT masks by more than the threshold, or
     * with more activity just outside their mask than the resolution explains.
     */
    private void checkAlignment(Study.Session tp, String at, Volume spect, OrganMasks masks,
                                ActivityExtractor.Activities a) {
        AlignmentCheck.Reading[] readings = AlignmentCheck.check(spect, masks, a.organActivityMBq(),
                a.bodyConcentrationMBqPerMl(), settings.spectFwhmMm());
        Map<String, Object> offsets = new LinkedHashMap<>();
        Map<String, Object> outside = new LinkedHashMap<>();
        for (int o = 0; o < readings.length; o++) {
            AlignmentCheck.Reading r = readings[o];
            double mm = r.offsetLengthMm();
            double[] d = r.offsetMm();
            String organ = masks.organs().get(o).key();
            offsets.put(organ, Double.isFinite(mm) ? mm : null);
            outside.put(organ, Double.isFinite(r.outsideExcessPercent()) ? r.outsideExcessPercent() : null);
            if (mm > settings.misalignmentThresholdMm()) {
                warnings.add(String.format(Locale.ROOT, "%s (%s h): %s: its activity centroid lies %.1f mm (%.1f, %.1f,"
                        + " %.1f LPS) from where its CT mask puts it (threshold %.3g mm): SPECT and CT may be misaligned",
                        at, tp.hoursPostInjection(), organ, mm, d[0], d[1], d[2], settings.misalignmentThresholdMm()));
            }
            if (r.outsideExcessPercent() > AlignmentCheck.OUTSIDE_EXCESS_FLAG_PERCENT) {
                warnings.add(String.format(Locale.ROOT, "%s (%s h): %s: %.1f %% of its activity lies just outside its mask"
                        + " beyond what the %.3g mm SPECT resolution spills there (threshold %.0f %%): SPECT and CT may be"
                        + " misaligned, or the mask is too small", at, tp.hoursPostInjection(), organ,
                        r.outsideExcessPercent(), settings.spectFwhmMm(), AlignmentCheck.OUTSIDE_EXCESS_FLAG_PERCENT));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hours", tp.hoursPostInjection());
        m.put("activity_centroid_offset_mm", offsets);
        m.put("outside_activity_excess_percent", outside);
        alignment.add(m);
    }

    /**
     * Weights that integrate the SPECTs over the measured span (first activity held back to
     * injection, trapezoids between points); the tail after the last point is left out so that
     * the noisiest, last SPECT does not dominate the shape.
     */
    private static double[] trapezoidWeights(double[] hours) {
        int n = hours.length;
        double[] w = new double[n];
        w[0] = hours[0];
        for (int i = 1; i < n; i++) {
            double half = (hours[i] - hours[i - 1]) / 2;
            w[i - 1] += half;
            w[i] += half;
        }
        if (n == 1) {
            w[0] = 1;
        }
        return w;
    }

    /**
     * A session's SPECT on {@code grid} in the diagnostic frame: a registered session's read
     * through its transform, spect(T(x)); others by world coordinates.
     */
    private static Volume inDiagnosticFrame(Volume spect, RigidTransform toSession, Geometry grid) {
        return toSession != null ? toSession.resample(spect, grid, Interpolation.TRILINEAR, 0f)
                : spect.geometry().sameGrid(grid, StudyImages.SAME_GRID_TOLERANCE_MM) ? spect
                : Resampler.resample(spect, grid, Interpolation.TRILINEAR, 0f);
    }

    /** sum += weight * spect, both on one grid; a new sum when {@code sum} is null. */
    private static Volume accumulate(Volume sum, Volume spect, double weight) {
        Volume out = sum == null ? new Volume(spect.geometry()) : sum;
        float[] o = out.voxels();
        float[] s = spect.voxels();
        for (int p = 0; p < o.length; p++) {
            o[p] += (float) (weight * s[p]);
        }
        return out;
    }

    /**
     * A session SPECT inside one organ divided by the organ's mask blurred with the SPECT
     * resolution, which undoes the fall-off that blurring puts at the organ's edge; 0 outside.
     */
    private static float[] recoveryCorrected(Volume spect, Volume organFraction, float[] recovery) {
        float[] f = organFraction.voxels();
        float[] s = spect.voxels();
        float[] corrected = new float[f.length];
        for (int p = 0; p < f.length; p++) {
            corrected[p] = f[p] > 0 ? (float) (Math.max(s[p], 0) / Math.max(recovery[p], MIN_RECOVERY)) : 0f;
        }
        return corrected;
    }

    private static float[] onDoseGrid(float[] onSpect, Geometry spectGrid, Geometry doseGrid) {
        return Resampler.resample(new Volume(spectGrid, onSpect), doseGrid, Interpolation.TRILINEAR, 0f).voxels();
    }

    /**
     * The organ's voxel TIA by {@link VoxelKinetics} on its dose voxels (0 elsewhere); the spread
     * of rates found is recorded in the results.
     */
    private float[] voxelFitShape(SpectSeries spects, Volume organOnSpect, float[] recovery, float[] w,
                                  TimeActivityFit fit, Organ organ, Geometry doseGrid) {
        int[] inside = java.util.stream.IntStream.range(0, w.length).filter(p -> w[p] > 0).toArray();
        int nt = spects.each().size();
        float[][] values = new float[nt][inside.length];
        for (int t = 0; t < nt; t++) {
            Volume spect = spects.each().get(t);
            float[] onDose = onDoseGrid(recoveryCorrected(spect, organOnSpect, recovery), spect.geometry(), doseGrid);
            for (int v = 0; v < inside.length; v++) {
                values[t][v] = onDose[inside[v]];
            }
        }
        VoxelKinetics.Result r = VoxelKinetics.integrate(spects.hours(), values, fit,
                study.radionuclide().decayConstantPerHour());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rate_spread_per_h", r.rateSpreadPerH());
        m.put("mean_abs_rate_change_per_h", r.meanRateChangePerH());
        voxelKinetics.put(organ.key(), m);
        float[] shape = new float[w.length];
        for (int v = 0; v < inside.length; v++) {
            shape[inside[v]] = r.tia()[v];
        }
        return shape;
    }

    private Volume tiaMap(SpectSeries spects, OrganMasks diagnostic, Volume[] organOnDoseGrid,
                          List<TimeActivityFit> fits, double bodyTiaMBqHPerMl, Geometry doseGrid) {
        Geometry spectGrid = spects.integrated().geometry();
        Volume[] organOnSpect = diagnostic.organFractions(spectGrid);
        double sigma = GaussianFilter.fwhmToSigma(settings.spectFwhmMm());
        float[] tia = new float[doseGrid.voxelCount()];
        for (int o = 0; o < organOnSpect.length; o++) {
            Organ organ = diagnostic.organs().get(o);
            float[] recovery = GaussianFilter.smooth(organOnSpect[o], sigma).voxels();
            float[] w = organOnDoseGrid[o].voxels();
            float[] shape = null;
            if (settings.tiaMap() == TiaMapMethod.VOXEL_FITS) {
                if (fits.get(o).model() == FitModel.TRAPEZOID) {
                    warnings.add(organ.key() + ": voxel kinetics need an exponential organ curve, not a trapezoid:"
                            + " its TIA is spread in proportion to the integrated SPECT");
                } else {
                    shape = voxelFitShape(spects, organOnSpect[o], recovery, w, fits.get(o), organ, doseGrid);
                }
            }
            if (shape == null) {
                shape = onDoseGrid(recoveryCorrected(spects.integrated(), organOnSpect[o], recovery), spectGrid, doseGrid);
            }
            double total = 0;
            for (int p = 0; p < w.length; p++) {
                total += w[p] * shape[p];
            }
            boolean uniform = !(total > 0);
            if (uniform) {
                warnings.add(organ.key() + ": no SPECT counts inside the organ: its TIA is spread uniformly");
                total = 0;
                for (float v : w) {
                    total += v;
                }
            }
            double perUnit = fits.get(o).tiaMBqH() / total;
            for (int p = 0; p < w.length; p++) {
                if (w[p] > 0) {
                    tia[p] += (float) (perUnit * w[p] * (uniform ? 1 : shape[p]));
                }
            }
        }
        float[] body = diagnostic.bodyFraction(doseGrid).voxels();
        double perVoxel = bodyTiaMBqHPerMl * doseGrid.voxelVolumeMm3() / 1000;
        for (int p = 0; p < tia.length; p++) {
            boolean organ = false;
            for (Volume v : organOnDoseGrid) {
                organ |= v.voxels()[p] > 0;
            }
            if (!organ) {
                tia[p] += (float) (perVoxel * body[p]);
            }
        }
        return new Volume(doseGrid, tia);
    }

    /** The kernel a dose map was made with, as results.json and the report state it. */
    private Map<String, Object> describe(VoxelSKernel kernel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", settings.kernel().isComputed() ? "computed from physics" : settings.kernel().file().toString());
        m.put("radionuclide", study.radionuclide().name());
        m.put("voxel_mm", kernel.voxelMm());
        m.put("emissions", settings.kernel().isComputed() ? Emissions.ALL.inWords() : "as tabulated in the file");
        m.put("absorbed_MeV_per_decay", kernel.absorbedMeVPerDecay(settings.densityGPerMl()));
        m.put("description", kernel.description());
        return m;
    }

    private Map<String, Object> describe(DoseMap dose, double bodyTia) {
        Map<String, Object> m = new LinkedHashMap<>(settings.describe());
        Radionuclide r = study.radionuclide();
        m.put("radionuclide", r.name());
        m.put("injected_activity_MBq", study.injectedActivityMBq());
        m.put("half_life_h", r.halfLifeHours());
        m.put("mean_electron_energy_MeV", r.meanElectronEnergyMeV());
        m.put("decay_data", r.source());
        m.put("time_points_h", study.hours());
        m.put("fit_weighting", "weighted least squares, weights 1/A^2 (equal relative errors)");
        m.put("trapezoid", "first activity held constant back to injection, trapezoids, physical decay after the last point");
        m.put("dose_method", dose.method().name());
        m.put("kernel_used", dose.kernel() == null ? null : describe(dose.kernel()));
        m.put("dose_grid_mm", dose.spacingMm());
        m.put("tia_map", (settings.tiaMap() == TiaMapMethod.VOXEL_FITS
                ? "organ TIA spread over the organ's dose voxels in proportion to per-voxel fits of the SPECTs (each divided"
                + " by the organ mask blurred with the SPECT FWHM): the organ's curve with the voxel's amplitude and rate"
                + " change, rates shrunk towards the organ's by empirical Bayes"
                : "organ TIA spread over the organ's dose voxels by the time-integrated SPECT divided by the organ mask"
                + " blurred with the SPECT FWHM")
                + "; rest of body uniform at the transfer-matrix body concentration, integrated by trapezoid");
        if (!voxelKinetics.isEmpty()) {
            m.put("voxel_kinetics", voxelKinetics);
        }
        m.put("body_tia_MBq_h_per_mL", bodyTia);
        m.put("organ_dose_voxels", "dose grid voxels whose centre lies in the organ");
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("method", settings.registration() == null ? "off" : settings.registration().describe());
        registration.put("timepoints", sessions.records());
        m.put("registration", registration);
        m.put("alignment_qa", Map.of("method", "activity-weighted centroid of the SPECT vs of the fitted compartment model"
                + " (organs and body at their measured concentrations, blurred with the SPECT FWHM), around each organ;"
                + " measured minus modelled activity in the shell about one FWHM deep just outside each organ, % of the"
                + " organ's activity",
                "centroid_threshold_mm", settings.misalignmentThresholdMm(),
                "outside_excess_threshold_percent", AlignmentCheck.OUTSIDE_EXCESS_FLAG_PERCENT,
                "timepoints", alignment));
        return m;
    }
}
