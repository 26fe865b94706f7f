package org.organdose.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.ImageFormat;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.ReadOptions;
import org.organdose.image.io.dicom.DicomSegWriter;
import org.organdose.segment.Mode;
import org.organdose.segment.OrganReport;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.infer.OrgansJson;
import org.organdose.segment.infer.SegmentationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code organdose segment CT --out labels.nii.gz}: liver, kidneys and spleen on the CT's own grid,
 * with {@code organs.json} (volumes, masses, interpolated slices, warnings) next to the labels.
 */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = "Segment liver, kidneys and spleen on a CT (labels 1 liver, 2 kidney_right, 3 kidney_left, 4 spleen).")
final class SegmentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CT", description = "CT: DICOM folder or file, .nii/.nii.gz, .nrrd or .mha")
    Path ct;

    @Option(names = "--out", required = true, paramLabel = "LABELS", description = "label map to write (.nii.gz, .nrrd, .mha), or a DICOM Segmentation (.dcm)")
    Path out;

    @Option(names = "--mode", defaultValue = "CONSENSUS",
            description = "AXIAL (fastest) or CONSENSUS (2 of 3 planes, paper Eq. 2); default ${DEFAULT-VALUE}")
    Mode mode;

    @Option(names = "--model", paramLabel = "DIR", description = "model folder; default models/" + SegmentationRunner.DEFAULT_MODEL)
    Path model;

    @Option(names = "--series", paramLabel = "UID", description = "DICOM series to read when a folder holds several")
    String seriesUid;

    @Override
    public Integer call() throws IOException, SegmentationException, BadInputException {
        // a wrong output is found before a minute of segmentation, not after
        OutputPaths.requireFile(out, ct);
        boolean dicomSeg = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm");
        if (!dicomSeg) {
            ImageFormat.forOutput(out);
        }
        MedicalImage image = ImageFiles.read(ct, new ReadOptions(seriesUid));
        Path modelDir = model != null ? model : ModelFolders.shipped(SegmentationRunner.DEFAULT_MODEL);
        long start = System.nanoTime();
        Segmentation s = SegmentationRunner.segment(image.volume(), mode, modelDir);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> writeWarnings = List.of();
        if (dicomSeg) {
            writeWarnings = DicomSegWriter.write(s.labels(), image.metadata().dicomIdentityOrGenerated(),
                    "OrganDose " + modelDir.getFileName(), out);
        } else {
            ImageFiles.writeLabels(s.labels(), out);
        }
        Path organsJson = out.toAbsolutePath().resolveSibling("organs.json");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ct", ct.toString());
        settings.put("mode", mode.name());
        settings.put("model", modelDir.toString());
        settings.put("seconds", seconds);
        OrgansJson.write(s, settings, organsJson);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%-13s %10s %9s %8s%n", "organ", "volume mL", "mass g", "filled");
        for (OrganReport r : s.organs().values()) {
            o.printf(Locale.ROOT, "%-13s %10.1f %9.1f %8d%n", r.organ().key(), r.volumeMl(), r.massG(), r.slicesInterpolated());
        }
        o.printf(Locale.ROOT, "wrote %s and %s (%s, %.1f s)%n", out, organsJson, mode.name().toLowerCase(Locale.ROOT), seconds);
        for (String w : s.allWarnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        for (String w : writeWarnings) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        return ExitCodes.OK;
    }
}
