package org.organdose.dosimetry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.organdose.dosimetry.OrganMasker.Masks;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;
import org.organdose.image.io.MedicalImage;

/**
 * Reads the images a {@link StudyManifest} names into a {@link Study}: SPECTs converted to MBq/mL
 * (units from the manifest or the file, which must agree), label maps checked against their CT's
 * grid, and every image checked for being what its field says it is ({@link InputPlausibility}).
 * Errors name the manifest and the field.
 */
public final class StudyLoader {
    private final StudyManifest manifest;
    private final StudyImages images;
    private final List<String> warnings = new ArrayList<>();

    private StudyLoader(StudyManifest manifest) {
        this.manifest = manifest;
        this.images = new StudyImages(manifest.file());
        for (String w : manifest.importWarnings()) {
            warnings.add("import: " + w);
        }
    }

    /** The study in memory. */
    public static Study load(StudyManifest manifest) throws DosimetryInputException {
        return new StudyLoader(manifest).load();
    }

    /**
     * Only the sessions' SPECTs in MBq/mL, checked and converted as {@link #load} does, in manifest
     * order: for tools that show them without running the dosimetry (no CT is read).
     */
    public static List<Volume> spects(StudyManifest manifest) throws DosimetryInputException {
        StudyLoader loader = new StudyLoader(manifest);
        List<Volume> out = new ArrayList<>();
        for (int t = 0; t < manifest.timePoints().size(); t++) {
            out.add(loader.readSpect(manifest.timePoints().get(t), Study.Session.field(t)));
        }
        return out;
    }

    private Study load() throws DosimetryInputException {
        String name = manifest.file().toString();
        MedicalImage ct = images.read(manifest.diagnosticCt(), "diagnostic_ct");
        InputPlausibility.checkCt(ct, name + ": diagnostic_ct", warnings);
        Masks diagnostic = manifest.diagnosticLabels() == null ? null
                : givenLabels(manifest.diagnosticLabels(), "diagnostic_labels", ct.volume().geometry(), "diagnostic_ct");
        List<Study.Session> sessions = new ArrayList<>();
        for (int t = 0; t < manifest.timePoints().size(); t++) {
            StudyManifest.TimePoint tp = manifest.timePoints().get(t);
            String at = Study.Session.field(t);
            Volume spect = readSpect(tp, at);
            MedicalImage sessionCt = images.read(tp.ct(), at + ".ct");
            InputPlausibility.checkCt(sessionCt, name + ": " + at + ".ct", warnings);
            Geometry ctGrid = sessionCt.volume().geometry();
            if (!StudyImages.overlap(ctGrid, spect.geometry())) {
                throw new DosimetryInputException(name + ": " + at + ": the SPECT " + tp.spect().describe()
                        + " and the CT " + tp.ct().describe() + " do not overlap in space");
            }
            // the patient may have moved even when the scanner put the session CT on the diagnostic grid: only a CT that
            // is the diagnostic CT itself is known to lie in its frame without registering it
            boolean isDiagnostic = ctGrid.sameGrid(ct.volume().geometry(), StudyImages.SAME_GRID_TOLERANCE_MM)
                    && (tp.ct().sameImage(manifest.diagnosticCt())
                    || Arrays.equals(sessionCt.volume().voxels(), ct.volume().voxels()));
            Masks own = tp.labels() == null ? null : givenLabels(tp.labels(), at + ".labels", ctGrid, at + ".ct");
            sessions.add(new Study.Session(tp.hoursPostInjection(), spect, tp.spect().path(), sessionCt.volume(), tp.ct().path(),
                    isDiagnostic, own, null));
        }
        return new Study(name, manifest.radionuclide(), manifest.injectedActivityMBq(), ct.volume(),
                manifest.diagnosticCt(), ct.metadata().dicomIdentityOrGenerated(), diagnostic, sessions, manifest.file(), warnings);
    }

    private static boolean sameUnits(String a, String b) {
        if (SpectUnits.isCounts(a) || SpectUnits.isCounts(b)) {
            return SpectUnits.isCounts(a) && SpectUnits.isCounts(b);
        }
        return SpectUnits.toMBqPerMl(a) == SpectUnits.toMBqPerMl(b);
    }

    private Masks givenLabels(Path file, String field, Geometry ctGrid, String ctField) throws DosimetryInputException {
        LabelMap labels = images.readLabels(file, field, ctGrid, ctField);
        InputPlausibility.dropUnknownLabels(labels, manifest.file() + ": " + field, warnings);
        return Masks.given(labels, MaskSource.file(file));
    }

    /**
     * The SPECT in MBq/mL; its units from the manifest or the file, which must agree when both are given.
     * Counts become activity with the time point's calibration.
     */
    private Volume readSpect(StudyManifest.TimePoint tp, String at) throws DosimetryInputException {
        MedicalImage spect = images.read(tp.spect(), at + ".spect");
        String where = manifest.file() + ": " + at + ".spect";
        String fileUnits = spect.metadata().units();
        boolean fileKnows = fileUnits != null && (SpectUnits.isSupported(fileUnits) || SpectUnits.isCounts(fileUnits));
        String units;
        if (tp.spectUnits() != null) {
            if (fileKnows && !sameUnits(fileUnits, tp.spectUnits())) {
                throw new DosimetryInputException(manifest.file() + ": " + at + ".spect_units '" + tp.spectUnits()
                        + "' contradicts the units of " + tp.spect().describe() + " ('" + fileUnits + "')");
            }
            units = tp.spectUnits();
        } else if (fileKnows && SpectUnits.isSupported(fileUnits)) {
            units = fileUnits;
        } else {
            throw new DosimetryInputException(where + ": " + tp.spect().describe()
                    + " is not quantitative: no spect_units in the manifest and "
                    + (fileUnits == null || fileUnits.isBlank() ? "no units" : "units '" + fileUnits + "'")
                    + " in the file (supported: " + SpectUnits.supported() + "; " + SpectUnits.COUNTS
                    + " with a calibration)");
        }
        double factor = SpectUnits.isCounts(units)
                ? tp.calibration().mbqPerMlPerCount(spect.volume().geometry().voxelVolumeMm3() / 1000)
                : SpectUnits.toMBqPerMl(units);
        float[] v = spect.volume().voxels();
        float[] out = new float[v.length];
        for (int p = 0; p < v.length; p++) {
            if (!Float.isFinite(v[p])) {
                throw new DosimetryInputException(where + ": " + tp.spect().describe() + " holds non-finite values");
            }
            out[p] = (float) (v[p] * factor);
        }
        Volume mbqPerMl = new Volume(spect.volume().geometry(), out);
        InputPlausibility.checkSpect(spect.metadata(), mbqPerMl, tp.hoursPostInjection(),
                manifest.injectedActivityMBq(), manifest.radionuclide(), where, warnings);
        return mbqPerMl;
    }
}
