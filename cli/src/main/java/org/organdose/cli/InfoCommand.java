package org.organdose.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.organdose.image.Geometry;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.ImageFormat;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.ReadOptions;
import org.organdose.image.io.dicom.DicomReader;
import org.organdose.image.io.dicom.DicomSeriesSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code organdose info PATH}: what an image is, where it lies in the patient, and its values. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print size, spacing, origin, direction, modality, value range, units and series of an image.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "DICOM folder or file, .nii/.nii.gz, .nrrd/.nhdr, .mha/.mhd or .h33")
    Path path;

    @Option(names = "--series", paramLabel = "UID", description = "DICOM series to read when a folder holds several")
    String seriesUid;

    @Override
    public Integer call() throws ImageIoException {
        PrintWriter out = spec.commandLine().getOut();
        ImageFormat format = ImageFormat.detect(path);
        if (format == ImageFormat.DICOM && Files.isDirectory(path)) {
            List<DicomSeriesSummary> series = DicomReader.listSeries(path);
            if (series.size() > 1 && seriesUid == null) {
                out.println("path:        " + path);
                out.println("format:      " + format.description());
                out.println("series:      " + series.size() + " (choose one with --series UID)");
                for (DicomSeriesSummary s : series) {
                    out.println("  " + s.describe());
                }
                return ExitCodes.OK;
            }
        }
        MedicalImage image = ImageFiles.read(path, new ReadOptions(seriesUid));
        print(out, format, image);
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, ImageFormat format, MedicalImage image) {
        Volume v = image.volume();
        Geometry g = v.geometry();
        float[] range = v.range();
        out.println("path:        " + path);
        out.println("format:      " + format.description());
        out.printf(Locale.ROOT, "size:        %d x %d x %d voxels%n", g.nx(), g.ny(), g.nz());
        out.println("spacing:     " + triple(g.spacing()) + " mm");
        out.println("origin:      " + triple(g.origin()) + " mm (LPS, centre of the first voxel)");
        double[] d = g.direction();
        out.printf(Locale.ROOT, "direction:   i %s, j %s, k %s (LPS; orientation %s)%n",
                triple(new double[] {d[0], d[3], d[6]}), triple(new double[] {d[1], d[4], d[7]}),
                triple(new double[] {d[2], d[5], d[8]}), g.orientationCode());
        out.println("modality:    " + image.metadata().modality());
        out.println("units:       " + (image.metadata().units().isEmpty() ? "unknown" : image.metadata().units()));
        out.printf(Locale.ROOT, "values:      %s to %s%n", number(range[0]), number(range[1]));
        if (!image.metadata().seriesInstanceUid().isEmpty()) {
            out.println("series:      " + image.metadata().seriesInstanceUid());
        }
        if (!image.metadata().description().isEmpty()) {
            out.println("description: " + image.metadata().description());
        }
        for (String w : image.metadata().warnings()) {
            out.println("warning:     " + w);
        }
    }

    private static String triple(double[] v) {
        return String.format(Locale.ROOT, "(%s, %s, %s)", number(v[0]), number(v[1]), number(v[2]));
    }

    /** Up to 6 significant decimals, no trailing zeros, so numbers read as the file stored them. */
    private static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        return String.format(Locale.ROOT, "%.6g", x).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e");
    }
}
