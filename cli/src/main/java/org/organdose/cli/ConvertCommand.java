package org.organdose.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.io.ImageFormat;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.ReadOptions;
import org.organdose.image.io.StorageType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code organdose convert IN OUT}: any supported image to NIfTI, NRRD or MetaImage, geometry kept. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert an image (DICOM, NIfTI, NRRD, MetaImage, Interfile) to .nii.gz/.nii, .nrrd or .mha/.mhd.")
final class ConvertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "input image (DICOM folder or file, or an image file)")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "output file; the format follows the extension")
    Path output;

    @Option(names = "--series", paramLabel = "UID", description = "DICOM series to read when a folder holds several")
    String seriesUid;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "voxel type to write: ${COMPLETION-CANDIDATES}; default: the smallest that keeps every value exactly")
    StorageType type;

    @Override
    public Integer call() throws ImageIoException, BadInputException {
        OutputPaths.requireFile(output, input);
        ImageFormat.forOutput(output);
        MedicalImage image = ImageFiles.read(input, new ReadOptions(seriesUid));
        StorageType storage = type != null ? type : StorageType.smallestExact(image.volume());
        ImageFiles.write(image.volume(), storage, output);
        for (String w : image.metadata().warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        spec.commandLine().getOut().println("wrote " + output + " (" + storage.name().toLowerCase(java.util.Locale.ROOT) + ")");
        return ExitCodes.OK;
    }
}
