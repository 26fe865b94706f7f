package org.organdose.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.organdose.dosimetry.ActivityMethod;
import org.organdose.dosimetry.DoseKernel;
import org.organdose.dosimetry.DosimetryResults;
import org.organdose.dosimetry.DosimetrySettings;
import org.organdose.dosimetry.FitModel;
import org.organdose.dosimetry.OrganResult;
import org.organdose.dosimetry.SessionMasks;
import org.organdose.dosimetry.StudyManifest;
import org.organdose.dosimetry.TiaMapMethod;
import org.organdose.image.InputException;
import org.organdose.segment.Mode;
import org.organdose.segment.infer.SegmentationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code organdose dosimetry STUDY --out DIR}: organ activities, time-integrated activities,
 * a dose map, mean doses and DVHs from a SPECT/CT study manifest (format in docs/formats.md), or
 * from a DICOM export folder, imported first into {@code DIR/study.json} ({@link ImportCommand}).
 * Organ masks the study does not give are segmented automatically ({@link DosimetryWorkflow}).
 */
@Command(name = "dosimetry", mixinStandardHelpOptions = true,
        description = "Organ time-integrated activity, voxel dose map, mean dose and DVH from a SPECT/CT study manifest"
                + " or a DICOM export folder;"
                + " organ masks the study does not give are segmented automatically.")
final class DosimetryCommand implements Callable<Integer> {
    /** The manifest imported from a DICOM folder, in the output folder. */
    static final String IMPORTED_MANIFEST = "study.json";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "STUDY", description = "study manifest (study.json; its paths are relative to it), or a DICOM"
            + " export folder, imported into DIR/study.json first")
    Path manifest;

    @Option(names = "--diagnostic-ct", paramLabel = "SERIES_UID",
            description = "with a DICOM folder: the CT series organ masses are measured on (see 'import')")
    String diagnosticCt;

    @Option(names = "--calibration-factor", paramLabel = "CPS_PER_MBQ",
            description = "with a DICOM folder: camera sensitivity in cps/MBq for SPECTs in counts (see 'import')")
    Double calibrationFactor;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "output folder: results.json, summary.csv, dose_Gy.nii.gz and (unless --no-report) report.html")
    Path out;

    @Option(names = "--report", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "also write DIR/report.html, the HTML report of the results (default: on; --no-report to skip)")
    boolean report;

    @Option(names = "--reference", paramLabel = "JSON",
            description = "results.json or truth.json to compare with in the report")
    Path reference;

    @Option(names = "--labels", paramLabel = "PATH",
            description = "organ labels on the diagnostic CT (overrides the manifest's diagnostic_labels); without"
                    + " either, the diagnostic CT is segmented with --model")
    Path labels;

    @Option(names = "--model", paramLabel = "DIR",
            description = "segmentation model for masks the study does not give; default models/" + SegmentationRunner.DEFAULT_MODEL)
    Path model;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "CONSENSUS",
            description = "segmentation mode: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}")
    Mode mode;

    @Option(names = "--session-masks", paramLabel = "HOW", defaultValue = "REGISTER",
            description = "masks of a session without labels: REGISTER (the diagnostic masks carried by registration),"
                    + " SEGMENT (its CT segmented, as Nazari et al.), BOTH (carried, and checked against its CT segmented:"
                    + " Dice per organ, flagged below 0.85); default ${DEFAULT-VALUE}")
    SessionMasks sessionMasks;

    @Option(names = "--kernel", paramLabel = "PATH",
            description = "voxel S value kernel (octant text 'i j k S' in mGy/(MBq*s), or raw float32), or a folder of "
                    + "them (the one closest to the dose grid is used); without it: a kernel computed from physics for the"
                    + " dose grid (see the kernel command)")
    Path kernel;

    @Option(names = "--dose-method", paramLabel = "METHOD", defaultValue = "KERNEL",
            description = "KERNEL (convolution with a voxel S value kernel) or LOCAL (electron energy absorbed in the voxel"
                    + " of decay, photons ignored); default ${DEFAULT-VALUE}")
    DoseMethodOption doseMethod;

    /** The choices of --dose-method. */
    enum DoseMethodOption { KERNEL, LOCAL }

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "GTM",
            description = "organ activity from the SPECT: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}")
    ActivityMethod method;

    @Option(names = "--fit", paramLabel = "MODEL", defaultValue = "BI_EXPONENTIAL",
            description = "time-activity model: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}")
    FitModel fit;

    @Option(names = "--tia-map", paramLabel = "METHOD", defaultValue = "ORGAN_SHAPE",
            description = "how organ TIAs are spread over voxels: ORGAN_SHAPE (integrated SPECT) or VOXEL_FITS"
                    + " (per-voxel kinetics, organ curve as prior); default ${DEFAULT-VALUE}")
    TiaMapMethod tiaMap;

    @Option(names = "--margin-mm", defaultValue = "3", description = "mask extension for MARGIN; default ${DEFAULT-VALUE} mm")
    double marginMm;

    @Option(names = "--psf-sigma-mm", defaultValue = "3", description = "Gaussian extension for GAUSSIAN_PSF; default ${DEFAULT-VALUE} mm")
    double psfSigmaMm;

    @Option(names = "--fwhm-mm", defaultValue = "11", description = "SPECT resolution (FWHM) for GTM; default ${DEFAULT-VALUE} mm")
    double fwhmMm;

    @Option(names = "--density", defaultValue = "1.06", description = "tissue density for masses and the computed kernel's medium; default ${DEFAULT-VALUE} g/mL")
    double density;

    @Option(names = "--dose-grid-mm", paramLabel = "MM",
            description = "dose grid voxel size; default: the --kernel file's voxel size, else 3 mm")
    Double doseGridMm;

    @Override
    public Integer call() throws InputException {
        DosimetrySettings settings = settings();
        OutputPaths.requireFolder(out);
        if (report && reference != null && !Files.isRegularFile(reference)) {
            // checked before the run, not after its minutes of work
            throw new BadInputException(reference + ": reference file not found");
        }
        boolean dicomFolder = Files.isDirectory(manifest);
        if (!dicomFolder && (diagnosticCt != null || calibrationFactor != null)) {
            throw new BadInputException("--diagnostic-ct and --calibration-factor apply to a DICOM folder, not to the manifest "
                    + manifest);
        }
        StudyManifest study = StudyManifest.read(dicomFolder ? imported() : manifest);
        if (labels != null) {
            study = study.withDiagnosticLabels(labels);
        }
        PrintWriter err = spec.commandLine().getErr();
        Path modelDir = model != null ? model : ModelFolders.shipped(SegmentationRunner.DEFAULT_MODEL);
        DosimetryWorkflow.Outcome outcome = DosimetryWorkflow.run(new DosimetryWorkflow.Request(study, modelDir, mode,
                sessionMasks, settings, out, report, report ? reference : null, List.of()), new ConsoleProgress(err));
        printSummary(spec.commandLine().getOut(), outcome.results());
        printStageSeconds(err, outcome.stageSeconds());
        for (String w : outcome.results().warnings()) {
            err.println("warning: " + w);
        }
        return ExitCodes.OK;
    }

    /** The manifest of a DICOM export folder, written into the output folder for the record (and to rerun from). */
    private Path imported() throws InputException {
        Path written = out.resolve(IMPORTED_MANIFEST);
        ImportCommand.writeManifest(manifest, ImportCommand.options(diagnosticCt, calibrationFactor), written,
                spec.commandLine().getErr(), spec.commandLine().getErr());
        return written;
    }

    /** Where the time went, one line: e.g. "time: loading 1.2 s, segmentation 30.5 s, ..., total 52.0 s". */
    static void printStageSeconds(PrintWriter err, Map<String, Double> seconds) {
        StringBuilder line = new StringBuilder("time:");
        seconds.forEach((stage, s) -> line.append(String.format(Locale.ROOT, "%s %s %.1f s", line.length() > 5 ? "," : "",
                stage, s)));
        err.println(line);
    }

    private DosimetrySettings settings() throws BadInputException {
        if (doseMethod == DoseMethodOption.LOCAL && kernel != null) {
            throw new BadInputException("--kernel and --dose-method local exclude each other: local deposition uses no kernel");
        }
        DoseKernel doseKernel = doseMethod == DoseMethodOption.LOCAL ? DoseKernel.localDeposition()
                : kernel != null ? DoseKernel.fromFile(kernel) : DoseKernel.computed();
        try {
            DosimetrySettings s = DosimetrySettings.defaults().withActivityMethod(method).withFitModel(fit).withTiaMap(tiaMap)
                    .withMarginMm(marginMm).withPsfSigmaMm(psfSigmaMm).withSpectFwhmMm(fwhmMm)
                    .withDensityGPerMl(density).withKernel(doseKernel);
            return doseGridMm == null ? s : s.withDoseGridSpacingMm(doseGridMm);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("dosimetry settings: " + e.getMessage());
        }
    }

    /** The headline numbers, exactly as written to results.json (rounded for reading). */
    static void printSummary(PrintWriter out, DosimetryResults results) {
        out.printf(Locale.ROOT, "%-13s %9s %12s %13s %9s %9s%n", "organ", "mass g", "TIA MBq*h", "mean dose Gy", "D30 Gy", "D70 Gy");
        for (OrganResult o : results.organs()) {
            out.printf(Locale.ROOT, "%-13s %9.1f %12.1f %13.3f %9.3f %9.3f%n", o.organ().key(), o.massG(), o.tiaMBqH(),
                    o.meanDoseGy(), o.doseCoveringPercentGy(30), o.doseCoveringPercentGy(70));
        }
    }
}
