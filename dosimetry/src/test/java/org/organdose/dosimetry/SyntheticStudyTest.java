package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.dosimetry.kernel.BuiltInDecayData;
import org.organdose.dosimetry.kernel.Emissions;
import org.organdose.dosimetry.kernel.KernelPhysics;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Resampler;
import org.organdose.image.Volume;
import org.organdose.image.io.NiftiReader;
import org.organdose.image.io.NiftiWriter;
import org.organdose.image.io.StorageType;

/**
 * A study made here with a known answer: two box organs with mono-exponential kinetics, a SPECT
 * whose voxels are exactly 2x2x2 CT voxels and no blur, so that every step can be checked
 * exactly; and the same study spoiled in the ways users spoil studies.
 */
class SyntheticStudyTest {
    private static final double[] HOURS = {1, 24, 72, 120};
    private static final double KIDNEY_MBQ_PER_ML = 0.5;
    private static final double KIDNEY_HALF_LIFE_H = 40;
    private static final double LIVER_MBQ_PER_ML = 0.1;
    private static final double LIVER_HALF_LIFE_H = 60;
    /** Kidney: CT voxels 14..23 x 14..23 x 6..13 of 2 mm: 800 voxels of 8 mu L. */
    private static final double KIDNEY_ML = 800 * 8 / 1000.0;
    /** Liver: CT voxels 26..33 x 6..13 x 4..11. */
    private static final double LIVER_ML = 512 * 8 / 1000.0;

    @TempDir
    Path dir;

    private final Geometry ctGrid = Geometry.axisAligned(40, 40, 20, new double[] {2, 2, 2}, new double[] {0, 0, 0});
    private final Geometry spectGrid = Geometry.axisAligned(20, 20, 10, new double[] {4, 4, 4}, new double[] {1, 1, 1});

    @BeforeEach
    void makeStudy() throws Exception {
        Volume ct = new Volume(ctGrid);
        LabelMap labels = new LabelMap(ctGrid);
        for (int k = 0; k < 20; k++) {
            for (int j = 0; j < 40; j++) {
                for (int i = 0; i < 40; i++) {
                    boolean body = i >= 4 && i < 36 && j >= 4 && j < 36 && k >= 2 && k < 18;
                    ct.set(i, j, k, body ? 40 : -1000);
                    if (i >= 14 && i <= 23 && j >= 14 && j <= 23 && k >= 6 && k <= 13) {
                        labels.set(i, j, k, Organ.KIDNEY_RIGHT.label());
                    } else if (i >= 26 && i <= 33 && j >= 6 && j <= 13 && k >= 4 && k <= 11) {
                        labels.set(i, j, k, Organ.LIVER.label());
                    }
                }
            }
        }
        NiftiWriter.write(ct, StorageType.INT16, dir.resolve("ct.nii.gz"));
        NiftiWriter.writeLabels(labels, dir.resolve("labels.nii.gz"));
        for (double h : HOURS) {
            Volume spect = new Volume(spectGrid);
            double kidney = KIDNEY_MBQ_PER_ML * Math.exp(-Math.log(2) / KIDNEY_HALF_LIFE_H * h) * 1e6;
            double liver = LIVER_MBQ_PER_ML * Math.exp(-Math.log(2) / LIVER_HALF_LIFE_H * h) * 1e6;
            for (int k = 0; k < 10; k++) {
                for (int j = 0; j < 20; j++) {
                    for (int i = 0; i < 20; i++) {
                        int label = labels.get(2 * i, 2 * j, 2 * k);
                        spect.set(i, j, k, (float) (label == 2 ? kidney : label == 1 ? liver : 0));
                    }
                }
            }
            NiftiWriter.write(spect, StorageType.FLOAT32, dir.resolve("spect_" + h + ".nii.gz"));
        }
        writeManifest("\"Bq/mL\"", "");
    }

    private void writeManifest(String units, String extraTimePointField) throws Exception {
        StringBuilder sb = new StringBuilder("{\"radionuclide\": \"Lu-177\", \"diagnostic_ct\": \"ct.nii.gz\","
                + " \"diagnostic_labels\": \"labels.nii.gz\", \"timepoints\": [");
        for (int t = 0; t < HOURS.length; t++) {
            sb.append(t > 0 ? "," : "").append("{\"hours\": ").append(HOURS[t]).append(", \"spect\": \"spect_")
                    .append(HOURS[t]).append(".nii.gz\", \"ct\": \"ct.nii.gz\"")
                    .append(units == null ? "" : ", \"spect_units\": " + units).append(extraTimePointField).append("}");
        }
        Files.writeString(dir.resolve("study.json"), sb.append("]}").toString());
    }

    private DosimetryResults run() throws Exception {
        return run(DoseKernel.localDeposition());
    }

    private DosimetryResults run(DoseKernel kernel) throws Exception {
        DosimetrySettings s = DosimetrySettings.defaults().withSpectFwhmMm(0.01).withFitModel(FitModel.MONO_EXPONENTIAL)
                .withKernel(kernel);
        return DosimetryPipeline.run(StudyManifest.read(dir.resolve("study.json")), s, ProgressListener.NONE);
    }

    @Test
    void activitiesTiaAndEnergyAreExact() throws Exception {
        DosimetryResults r = run();
        OrganResult kidney = r.organ(Organ.KIDNEY_RIGHT);
        OrganResult liver = r.organ(Organ.LIVER);
        assertThat(r.organ(Organ.SPLEEN)).isNull();
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("spleen (label 4) is not in the diagnostic CT's masks"));
        assertThat(kidney.volumeMl()).isCloseTo(KIDNEY_ML, within(1e-9));
        assertThat(kidney.massG()).isCloseTo(KIDNEY_ML * 1.06, within(1e-9));
        assertThat(kidney.activityMBqByHours().get(24.0))
                .isCloseTo(KIDNEY_MBQ_PER_ML * KIDNEY_ML * Math.pow(0.5, 24 / KIDNEY_HALF_LIFE_H), within(1e-4));
        double kidneyTia = KIDNEY_MBQ_PER_ML * KIDNEY_ML * KIDNEY_HALF_LIFE_H / Math.log(2);
        double liverTia = LIVER_MBQ_PER_ML * LIVER_ML * LIVER_HALF_LIFE_H / Math.log(2);
        assertThat(kidney.tiaMBqH()).isCloseTo(kidneyTia, within(1e-4 * kidneyTia));
        assertThat(liver.tiaMBqH()).isCloseTo(liverTia, within(1e-4 * liverTia));
        // local deposition: all electron energy of all decays absorbed in the dose map
        assertThat(r.settings().get("dose_method")).isEqualTo("LOCAL_DEPOSITION");
        Geometry g = r.doseGy().geometry();
        double voxelKg = 1.06 * g.voxelVolumeMm3() / 1e6;
        double energyJ = 0;
        for (float d : r.doseGy().voxels()) {
            energyJ += d * voxelKg;
        }
        double expectedJ = (kidneyTia + liverTia) * 3.6e9 * Radionuclides.LU_177.meanElectronEnergyMeV() * 1.602176634e-13;
        assertThat(energyJ).isCloseTo(expectedJ, within(1e-4 * expectedJ));
    }

    /**
     * By default the dose comes from a Lu-177 kernel computed for the 3 mm dose grid: the energy
     * in the dose map is every decay's energy absorbed within that kernel, as its energy budget
     * says (the liver's edge voxels lose part of their photons' fringe past the grid: under 1 %).
     */
    @Test
    void theDefaultKernelIsComputedForTheDoseGrid() throws Exception {
        DosimetryResults r = run(DoseKernel.computed());
        assertThat(r.settings().get("dose_method")).isEqualTo("KERNEL_CONVOLUTION");
        @SuppressWarnings("unchecked")
        Map<String, Object> kernel = (Map<String, Object>) r.settings().get("kernel_used");
        assertThat(kernel.get("source")).isEqualTo("computed from physics");
        assertThat(kernel.get("radionuclide")).isEqualTo("Lu-177");
        assertThat((double[]) kernel.get("voxel_mm")).containsExactly(3.0, 3.0, 3.0);
        double absorbedMeV = KernelPhysics.compute(BuiltInDecayData.LU_177, new double[] {3, 3, 3}, 1.06, Emissions.ALL, 11)
                .budget().absorbedMeV();
        assertThat((double) kernel.get("absorbed_MeV_per_decay")).isCloseTo(absorbedMeV, within(1e-4 * absorbedMeV));
        Geometry g = r.doseGy().geometry();
        double voxelKg = 1.06 * g.voxelVolumeMm3() / 1e6;
        double energyJ = 0;
        for (float d : r.doseGy().voxels()) {
            energyJ += d * voxelKg;
        }
        double tia = r.organ(Organ.KIDNEY_RIGHT).tiaMBqH() + r.organ(Organ.LIVER).tiaMBqH();
        double expectedJ = tia * 3.6e9 * absorbedMeV * 1.602176634e-13;
        assertThat(energyJ).isCloseTo(expectedJ, within(0.01 * expectedJ));
    }

    /**
     * SPECTs blurred with an 11 mm FWHM Gaussian: the transfer matrix undoes exactly that blur
     * (spill-out and the crosstalk between the organs), the margin method cannot.
     */
    @Test
    void theTransferMatrixRecoversBlurredActivities() throws Exception {
        double sigma = GaussianFilter.fwhmToSigma(11);
        Volume kidneyMask = Resampler.fractionCovered(readLabels(), Organ.KIDNEY_RIGHT.label(), spectGrid, 3);
        Volume liverMask = Resampler.fractionCovered(readLabels(), Organ.LIVER.label(), spectGrid, 3);
        for (double h : HOURS) {
            Volume spect = new Volume(spectGrid);
            double kidney = KIDNEY_MBQ_PER_ML * Math.exp(-Math.log(2) / KIDNEY_HALF_LIFE_H * h) * 1e6;
            double liver = LIVER_MBQ_PER_ML * Math.exp(-Math.log(2) / LIVER_HALF_LIFE_H * h) * 1e6;
            for (int p = 0; p < spect.voxels().length; p++) {
                spect.voxels()[p] = (float) (kidney * kidneyMask.voxels()[p] + liver * liverMask.voxels()[p]);
            }
            NiftiWriter.write(GaussianFilter.smooth(spect, sigma), StorageType.FLOAT32, dir.resolve("spect_" + h + ".nii.gz"));
        }
        StudyManifest m = StudyManifest.read(dir.resolve("study.json"));
        DosimetrySettings s = DosimetrySettings.defaults().withFitModel(FitModel.MONO_EXPONENTIAL);
        double kidneyAt24 = KIDNEY_MBQ_PER_ML * KIDNEY_ML * Math.pow(0.5, 24 / KIDNEY_HALF_LIFE_H);
        double gtm = DosimetryPipeline.run(m, s, ProgressListener.NONE).organ(Organ.KIDNEY_RIGHT).activityMBqByHours().get(24.0);
        assertThat(gtm).isCloseTo(kidneyAt24, within(1e-3 * kidneyAt24));
        double margin = DosimetryPipeline.run(m, s.withActivityMethod(ActivityMethod.MARGIN), ProgressListener.NONE)
                .organ(Organ.KIDNEY_RIGHT).activityMBqByHours().get(24.0);
        assertThat(margin).isLessThan(0.9 * kidneyAt24);
    }

    private LabelMap readLabels() throws Exception {
        return LabelMap.fromVolume(NiftiReader.read(dir.resolve("labels.nii.gz")).volume());
    }

    @Test
    void resultsAreWrittenAndReplaceEarlierOnes() throws Exception {
        Path out = dir.resolve("out");
        ResultsWriter.write(run(), out);
        ResultsWriter.write(run(), out);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    ResultsWriter.RESULTS_JSON, ResultsWriter.SUMMARY_CSV, ResultsWriter.DOSE_NIFTI);
        }
        assertThat(Files.readString(out.resolve(ResultsWriter.SUMMARY_CSV)).lines()).hasSize(3);
    }

    @Test
    void aFailedWriteLeavesNothingThatLooksComplete() throws Exception {
        DosimetryResults r = run();
        Path out = dir.resolve("out");
        // an old results.json that cannot be removed makes the write fail before anything moves
        Files.createDirectories(out.resolve(ResultsWriter.RESULTS_JSON).resolve("blocker"));
        assertThatThrownBy(() -> ResultsWriter.write(r, out)).isInstanceOf(java.io.IOException.class);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ResultsWriter.RESULTS_JSON);
        }
    }

    @Test
    void aSpectWithoutUnitsIsNotQuantitative() throws Exception {
        writeManifest(null, "");
        assertThatThrownBy(this::run).isInstanceOf(DosimetryInputException.class)
                .hasMessageContaining("timepoints[0].spect: spect_1.0.nii.gz is not quantitative")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aSpectOutsideItsCtIsRefused() throws Exception {
        Volume far = new Volume(spectGrid.with(20, 20, 10, new double[] {4, 4, 4}, new double[] {500, 0, 0}));
        java.util.Arrays.fill(far.voxels(), 1000f);
        NiftiWriter.write(far, StorageType.FLOAT32, dir.resolve("spect_72.0.nii.gz"));
        assertThatThrownBy(this::run).isInstanceOf(DosimetryInputException.class)
                .hasMessageContaining("timepoints[2]: the SPECT spect_72.0.nii.gz and the CT ct.nii.gz do not overlap in space");
    }

    @Test
    void labelsOnAnotherGridAreRefused() throws Exception {
        NiftiWriter.writeLabels(new LabelMap(ctGrid.with(40, 40, 19, new double[] {2, 2, 2}, new double[] {0, 0, 0})),
                dir.resolve("labels.nii.gz"));
        assertThatThrownBy(this::run).isInstanceOf(DosimetryInputException.class)
                .hasMessageContaining("diagnostic_labels: its grid (40x40x19 voxels").hasMessageContaining("does not match diagnostic_ct");
    }

    /**
     * The CT spans 78 mm: a 100 mm grid has voxel centres at 0 and 100 mm, none inside the box
     * organs (at most 20 mm across), and its voxels' subsamples, about 33 mm apart, miss them too.
     */
    @Test
    void aDoseGridTooCoarseForAnOrganIsBadInput() throws Exception {
        DosimetrySettings coarse = DosimetrySettings.defaults().withSpectFwhmMm(0.01).withFitModel(FitModel.MONO_EXPONENTIAL)
                .withDoseGridSpacingMm(100);
        assertThatThrownBy(() -> DosimetryPipeline.run(StudyManifest.read(dir.resolve("study.json")), coarse,
                ProgressListener.NONE)).isInstanceOf(DosimetryInputException.class)
                .hasMessageEndingWith("the organ covers no voxel of the 100 mm dose grid; choose a finer dose grid spacing");
    }

    @Test
    void settingsThatAreNoNumberOfMillimetresAreRefused() {
        DosimetrySettings d = DosimetrySettings.defaults();
        assertThatThrownBy(() -> d.withDoseGridSpacingMm(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dose grid spacing must be a positive number of mm, got NaN");
        assertThatThrownBy(() -> d.withDoseGridSpacingMm(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withDoseGridSpacingMm(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withPsfSigmaMm(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withMarginMm(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.withDensityGPerMl(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCorruptSpectIsNamed() throws Exception {
        Files.write(dir.resolve("spect_24.0.nii.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3});
        assertThatThrownBy(this::run).isInstanceOf(DosimetryInputException.class)
                .hasMessageStartingWith(dir.resolve("study.json") + ": timepoints[1].spect: ").hasMessageNotContaining("\n");
    }

    @Test
    void perTimePointLabelsAreUsedForTheirSession() throws Exception {
        double shared = run().organ(Organ.KIDNEY_RIGHT).tiaMBqH();
        writeManifest("\"Bq/mL\"", ", \"labels\": \"labels.nii.gz\"");
        assertThat(run().organ(Organ.KIDNEY_RIGHT).tiaMBqH()).isCloseTo(shared, within(1e-9 * shared));
        // a session with empty labels shows that they are really read
        NiftiWriter.writeLabels(new LabelMap(ctGrid), dir.resolve("labels_empty.nii.gz"));
        String json = Files.readString(dir.resolve("study.json")).replaceFirst("\"labels\": \"labels.nii.gz\"",
                "\"labels\": \"labels_empty.nii.gz\"");
        Files.writeString(dir.resolve("study.json"), json);
        assertThatThrownBy(this::run).hasMessageContaining("timepoints[0].labels: liver (label 1) is missing");
    }

    @Test
    void aMovedSessionIsRegisteredAndItsLabelsFollowThePatient() throws Exception {
        double shared = run().organ(Organ.KIDNEY_RIGHT).tiaMBqH();
        // the last session: the patient lies 8 mm further left, CT and SPECT alike
        Volume ct = NiftiReader.read(dir.resolve("ct.nii.gz")).volume();
        double[] moved = {8, 0, 0};
        NiftiWriter.write(new Volume(ctGrid.with(40, 40, 20, ctGrid.spacing(), moved), ct.voxels()), StorageType.INT16,
                dir.resolve("ct_moved.nii.gz"));
        Volume spect = NiftiReader.read(dir.resolve("spect_120.0.nii.gz")).volume();
        NiftiWriter.write(new Volume(spectGrid.with(20, 20, 10, spectGrid.spacing(), new double[] {9, 1, 1}), spect.voxels()),
                StorageType.FLOAT32, dir.resolve("spect_120.0.nii.gz"));
        useCtForLastSession("ct_moved.nii.gz");
        DosimetryResults r = run();
        assertThat(r.organ(Organ.KIDNEY_RIGHT).tiaMBqH()).isCloseTo(shared, within(1e-4 * shared));
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("timepoints[3]: no labels of its own: registered to the"
                + " diagnostic CT") && w.contains("moved by 8.0 mm (8.0, 0.0, 0.0 LPS)"));
    }

    @Test
    void aSessionCtWithoutABodyCannotBeRegistered() throws Exception {
        Volume air = new Volume(ctGrid.with(40, 40, 20, ctGrid.spacing(), new double[] {8, 0, 0}));
        java.util.Arrays.fill(air.voxels(), -1000f);
        NiftiWriter.write(air, StorageType.INT16, dir.resolve("ct_air.nii.gz"));
        useCtForLastSession("ct_air.nii.gz");
        assertThatThrownBy(this::run).isInstanceOf(DosimetryInputException.class)
                .hasMessage(dir.resolve("study.json") + ": timepoints[3].ct: cannot register it to the diagnostic CT: the"
                        + " moving image holds no body above -500.0 HU");
    }

    private void useCtForLastSession(String ct) throws Exception {
        String json = Files.readString(dir.resolve("study.json")).replace("\"spect_120.0.nii.gz\", \"ct\": \"ct.nii.gz\"",
                "\"spect_120.0.nii.gz\", \"ct\": \"" + ct + "\"");
        Files.writeString(dir.resolve("study.json"), json);
    }
}
