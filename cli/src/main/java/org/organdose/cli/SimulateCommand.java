package org.organdose.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.organdose.dosimetry.DoseKernel;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.phantom.ContrastPhase;
import org.organdose.phantom.Phantom;
import org.organdose.phantom.PhantomGenerator;
import org.organdose.phantom.PhantomOptions;
import org.organdose.simulation.SimulationSettings;
import org.organdose.simulation.StudySimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code organdose simulate --out DIR [--from-ct CT --labels L]}: a Lu-177 SPECT/CT study with
 * known truth (study.json, truth.json, SPECTs, low-dose CTs, true dose), built from the digital
 * patient or from a labelled CT.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a Lu-177 SPECT/CT study (0.5, 6, 24, 72 h) with known truth, from the digital patient "
                + "(default) or from a labelled CT.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--from-ct", paramLabel = "CT", description = "a diagnostic CT (any readable format) instead of the digital patient")
    Path ct;

    @Option(names = "--labels", paramLabel = "PATH", description = "organ labels on the --from-ct CT's grid")
    Path labels;

    @Option(names = "--phase", defaultValue = "NONE",
            description = "contrast phase of the digital patient's CT: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}")
    ContrastPhase phase;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--motion-mm", defaultValue = "0",
            description = "largest patient shift per axis between sessions (rotation up to half as many degrees); default ${DEFAULT-VALUE}")
    double motionMm;

    @Option(names = "--kernel", paramLabel = "PATH",
            description = "voxel S value kernel file or folder for the true dose; without it: a kernel computed from physics"
                    + " for the dose grid")
    Path kernel;

    @Override
    public Integer call() throws IOException, DosimetryInputException, BadInputException {
        // it writes ct.nii.gz and the like into the folder, replacing what is there
        OutputPaths.requireFolderWithout(out, ct, labels, kernel);
        Volume image;
        LabelMap organs;
        if (ct == null && labels == null) {
            Phantom patient = PhantomGenerator.generate(seed, PhantomOptions.defaults().withPhase(phase));
            image = patient.ct();
            organs = patient.organs();
        } else if (ct == null || labels == null) {
            throw new BadInputException("simulate: --from-ct and --labels go together");
        } else {
            image = ImageFiles.read(ct).volume();
            organs = ImageFiles.readLabels(labels);
            if (!organs.geometry().sameGrid(image.geometry(), 1e-3)) {
                throw new BadInputException(labels + ": labels are not on the grid of " + ct);
            }
        }
        SimulationSettings settings;
        try {
            settings = SimulationSettings.defaults().withSeed(seed).withMotionMm(motionMm).withKernel(kernel == null ? DoseKernel.computed() : DoseKernel.fromFile(kernel));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("simulate: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        StudySimulator.SimulatedStudy study = StudySimulator.simulate(image, organs, settings, out, new ConsoleProgress(err));
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + study.manifest() + " and " + study.truthJson());
        o.printf(Locale.ROOT, "%-13s %9s %12s %13s%n", "organ", "mass g", "TIA MBq*h", "mean dose Gy");
        for (Map.Entry<Organ, StudySimulator.OrganTruth> e : study.truth().entrySet()) {
            StudySimulator.OrganTruth t = e.getValue();
            o.printf(Locale.ROOT, "%-13s %9.1f %12.1f %13.3f%n", e.getKey().key(), t.massG(), t.tiaMBqH(), t.meanDoseGy());
        }
        return ExitCodes.OK;
    }
}
