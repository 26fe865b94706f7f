package org.organdose.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.organdose.dosimetry.DoseCalculator;
import org.organdose.dosimetry.DoseMethod;
import org.organdose.dosimetry.DoseVolumeHistogram;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.ProgressListener;
import org.organdose.dosimetry.Radionuclides;
import org.organdose.dosimetry.VoxelSKernel;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.StorageType;
import org.organdose.image.registration.RigidTransform;
import org.organdose.phantom.LowDoseCt;

/**
 * A Lu-177 SPECT/CT study with known truth, simulated from a labelled CT: per time point a
 * low-dose CT and a quantitative SPECT (Bq/mL) in the patient's position of that session, the
 * manifest ({@code study.json}, docs/formats.md), and the truth ({@code truth.json}, same keys as the
 * shared studies: masses, organ activities, TIA, mean dose and D2/D30/D70/D98; plus
 * {@code truth_dose_Gy.nii.gz} and {@code truth_labels.nii.gz}).
 *
 * <p>The truth is exact for the simulated activity: the activity map lives on a {@code doseGridMm}
 * grid where each organ is the set of voxels at least half inside its label; organ activities and
 * TIA are integrals of that map (analytic in time); the dose is its TIA convolved with the given
 * voxel S value kernel or, without one, deposited locally, and organ dose statistics are taken over
 * the organ's voxels. Masses are those of the labels on the CT (as a user would measure them).
 */
public final class StudySimulator {
    private StudySimulator() {
    }

    /** Where the files went and what the truth is. */
    public record SimulatedStudy(Path manifest, Path truthJson, Map<Organ, OrganTruth> truth, List<RigidTransform> motions) {
    }

    /** True values for one organ. */
    public record OrganTruth(double volumeMl, double massG, Map<Double, Double> activityMBqByHours, double tiaMBqH,
                             double meanDoseGy, double d2Gy, double d30Gy, double d70Gy, double d98Gy) {
    }

    /**
     * Simulates the study and writes it to {@code outDir} (created if needed). Files appear only
     * when all are written: they are made in a hidden folder first and moved in, the manifest last.
     */
    public static SimulatedStudy simulate(Volume ct, LabelMap labels, SimulationSettings settings, Path outDir,
                                          ProgressListener progress) throws IOException, DosimetryInputException {
        if (!labels.geometry().sameGrid(ct.geometry(), 1e-3)) {
            throw new IllegalArgumentException("labels and CT grids differ");
        }
        Files.createDirectories(outDir);
        Path tmp = Files.createTempDirectory(outDir, ".organdose-partial-");
        try {
            SimulatedStudy study = simulateInto(ct, labels, settings, tmp, progress);
            List<Path> files;
            try (Stream<Path> s = Files.list(tmp)) {
                files = new ArrayList<>(s.toList());
            }
            files.sort((a, b) -> Boolean.compare(isManifest(a), isManifest(b)));
            for (Path f : files) {
                Files.move(f, outDir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            return new SimulatedStudy(outDir.resolve("study.json"), outDir.resolve("truth.json"), study.truth(),
                    study.motions());
        } finally {
            try (Stream<Path> s = Files.list(tmp)) {
                for (Path f : s.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean isManifest(Path p) {
        String n = p.getFileName().toString();
        return n.equals("study.json") || n.equals("truth.json");
    }

    private static SimulatedStudy simulateInto(Volume ct, LabelMap labels, SimulationSettings s, Path dir,
                                               ProgressListener progress) throws IOException, DosimetryInputException {
        Random random = new Random(s.seed());
        progress.progress("activity distribution", 0.0);
        // one grid for the activity and the true dose, so that the dose sees exactly the simulated activity
        ActivityDistribution activity = new ActivityDistribution(ct, labels, s.doseGridMm(), s);
        Geometry spectGrid = ct.geometry().resampledTo(new double[] {s.spectVoxelMm(), s.spectVoxelMm(), s.spectVoxelMm()});
        double[] centre = ct.geometry().centre();
        double[] hours = s.hours();

        ImageFiles.write(ct, StorageType.smallestExact(ct), dir.resolve("ct.nii.gz"));
        ImageFiles.writeLabels(labels, dir.resolve("truth_labels.nii.gz"));

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode manifest = json.createObjectNode();
        manifest.put("radionuclide", "Lu-177");
        manifest.put("injected_activity_MBq", s.injectedActivityMBq());
        manifest.put("diagnostic_ct", "ct.nii.gz");
        ArrayNode timepoints = manifest.putArray("timepoints");
        List<RigidTransform> motions = new ArrayList<>();
        LowDoseCt.Options lowDose = new LowDoseCt.Options(0, s.lowDoseSliceMm(), s.lowDoseNoiseHu(),
                LowDoseCt.Options.defaults().noiseCorrelationMm());
        for (int t = 0; t < hours.length; t++) {
            progress.progress(String.format(Locale.ROOT, "time point %s h: low-dose CT and SPECT", hourName(hours[t])),
                    0.1 + 0.6 * t / hours.length);
            RigidTransform motion = s.motionMm() > 0 ? randomMotion(random, s.motionMm(), centre) : RigidTransform.identity(centre);
            motions.add(motion);
            Map<Organ, Double> concentration = new LinkedHashMap<>();
            for (Organ o : activity.organs()) {
                concentration.put(o, s.kineticsOf(o.key()).concentrationMBqPerMl(hours[t]));
            }
            Volume map = activity.map(concentration, s.kinetics().get("body").concentrationMBqPerMl(hours[t]));
            Volume movedMap = new Volume(motion.carry(map.geometry()), map.voxels());
            Volume spect = SpectSimulator.simulate(movedMap, spectGrid, s.spectFwhmMm(), s.countsPerMBqS(),
                    s.acquisitionSeconds(), random);
            LowDoseCt session = LowDoseCt.simulate(ct, labels, motion, lowDose, random.nextLong());
            String h = hourName(hours[t]);
            ImageFiles.write(spect, StorageType.FLOAT32, dir.resolve("spect_" + h + "h.nii.gz"));
            ImageFiles.write(session.ct(), StorageType.INT16, dir.resolve("ldct_" + h + "h.nii.gz"));
            // the organs where this session's CT shows them: a reference for segmentation and registration
            ImageFiles.writeLabels(session.organs(), dir.resolve("truth_labels_" + h + "h.nii.gz"));
            ObjectNode tp = timepoints.addObject();
            tp.put("hours", hours[t]);
            tp.put("spect", "spect_" + h + "h.nii.gz");
            tp.put("ct", "ldct_" + h + "h.nii.gz");
            tp.put("spect_units", "Bq/mL");
        }

        progress.progress("true dose", 0.75);
        Map<Organ, Double> integral = new LinkedHashMap<>();
        for (Organ o : activity.organs()) {
            integral.put(o, s.kineticsOf(o.key()).integralMBqHPerMl());
        }
        Volume tia = activity.map(integral, s.kinetics().get("body").integralMBqHPerMl());
        Geometry doseGrid = tia.geometry();
        float mlPerVoxel = (float) (doseGrid.voxelVolumeMm3() / 1000);
        for (int p = 0; p < tia.voxels().length; p++) {
            tia.voxels()[p] *= mlPerVoxel;
        }
        Volume dose;
        String doseMethod;
        if (s.kernel().method() == DoseMethod.LOCAL_DEPOSITION) {
            dose = DoseCalculator.localDeposition(tia, Radionuclides.LU_177, s.densityGPerMl());
            doseMethod = "local energy deposition";
        } else {
            VoxelSKernel kernel = s.kernel().forGrid(Radionuclides.LU_177, s.doseGridMm(), s.densityGPerMl(), new ArrayList<>());
            dose = DoseCalculator.kernelConvolution(tia, kernel);
            doseMethod = "kernel convolution: " + kernel.description();
        }
        ImageFiles.write(dose, StorageType.FLOAT32, dir.resolve("truth_dose_Gy.nii.gz"));

        Map<Organ, Double> volumesOnActivityGrid = activity.organVolumesMl();
        Map<Organ, OrganTruth> truth = new LinkedHashMap<>();
        for (Organ o : activity.organs()) {
            CompartmentKinetics k = s.kineticsOf(o.key());
            double volumeMl = labels.volumeMl(o.label());
            double activityVolumeMl = volumesOnActivityGrid.get(o);
            Map<Double, Double> byHours = new LinkedHashMap<>();
            for (double h : hours) {
                byHours.put(h, k.concentrationMBqPerMl(h) * activityVolumeMl);
            }
            DoseVolumeHistogram dvh = DoseVolumeHistogram.of(dose.voxels(), activity.fraction(o));
            truth.put(o, new OrganTruth(volumeMl, volumeMl * s.densityGPerMl(), byHours,
                    k.integralMBqHPerMl() * activityVolumeMl, dvh.meanGy(), dvh.doseCoveringPercentGy(2),
                    dvh.doseCoveringPercentGy(30), dvh.doseCoveringPercentGy(70), dvh.doseCoveringPercentGy(98)));
        }
        json.writeValue(dir.resolve("truth.json").toFile(), truthJson(json, s, truth, motions, hours, doseMethod));
        json.writeValue(dir.resolve("study.json").toFile(), manifest);
        progress.progress("done", 1.0);
        return new SimulatedStudy(dir.resolve("study.json"), dir.resolve("truth.json"), truth, motions);
    }

    private static ObjectNode truthJson(ObjectMapper json, SimulationSettings s, Map<Organ, OrganTruth> truth,
                                        List<RigidTransform> motions, double[] hours, String doseMethod) {
        ObjectNode root = json.createObjectNode();
        root.put("kernel", s.kernel().file() == null ? null : s.kernel().file().getFileName().toString());
        root.put("dose_method", doseMethod);
        root.put("dose_grid_mm", s.doseGridMm());
        root.put("density_g_per_mL", s.densityGPerMl());
        ObjectNode kinetics = root.putObject("kinetics_MBq_per_mL_and_half_life_h");
        s.kinetics().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ArrayNode terms = kinetics.putArray(e.getKey());
            for (CompartmentKinetics.Term term : e.getValue().terms()) {
                terms.addArray().add(term.amplitudeMBqPerMl()).add(term.halfLifeHours());
            }
        });
        root.put("fwhm_mm", s.spectFwhmMm());
        root.put("spect_voxel_mm", s.spectVoxelMm());
        root.put("seed", s.seed());
        ObjectNode motion = root.putObject("motion");
        for (int t = 0; t < hours.length; t++) {
            RigidTransform m = motions.get(t);
            ObjectNode n = motion.putObject(String.valueOf(hours[t]));
            ArrayNode tr = n.putArray("translation_mm");
            for (double v : m.translation()) {
                tr.add(v);
            }
            ArrayNode rot = n.putArray("rotation_deg_about_xyz");
            for (double v : m.eulerAngles()) {
                rot.add(Math.toDegrees(v));
            }
            ArrayNode c = n.putArray("rotation_centre_mm");
            for (double v : m.centre()) {
                c.add(v);
            }
        }
        ObjectNode organs = root.putObject("organs");
        for (Map.Entry<Organ, OrganTruth> e : truth.entrySet()) {
            OrganTruth t = e.getValue();
            ObjectNode n = organs.putObject(e.getKey().key());
            n.put("volume_mL", t.volumeMl());
            n.put("mass_g", t.massG());
            n.put("tia_MBq_h", t.tiaMBqH());
            ObjectNode a = n.putObject("activity_MBq");
            t.activityMBqByHours().forEach((h, v) -> a.put(String.valueOf(h), v));
            n.put("mean_dose_Gy", t.meanDoseGy());
            n.put("D2_Gy", t.d2Gy());
            n.put("D30_Gy", t.d30Gy());
            n.put("D70_Gy", t.d70Gy());
            n.put("D98_Gy", t.d98Gy());
        }
        return root;
    }

    /**
     * Shifts up to {@code maxMm} per axis and a turn about the body axis up to maxMm / 2 degrees,
     * uniformly, about the centre of the CT: how a patient lies differently on the table.
     */
    static RigidTransform randomMotion(Random random, double maxMm, double[] centre) {
        double[] t = new double[3];
        for (int a = 0; a < 3; a++) {
            t[a] = (2 * random.nextDouble() - 1) * maxMm;
        }
        return RigidTransform.fromEuler(0, 0, Math.toRadians((2 * random.nextDouble() - 1) * maxMm / 2), t, centre);
    }

    /** "0.5", "6", "24": hours as they appear in file names. */
    static String hourName(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }
}
