package org.organdose.image.io.dicom;

import java.nio.file.Path;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.ReadOptions;

/**
 * Times reading a DICOM series (not a test: timings are printed, never asserted). Usage:
 * {@code java -cp image/target/classes:image/target/test-classes org.organdose.image.io.dicom.DicomReadBenchmark [folder] [repeats]};
 * the default folder is the 129-slice ircad-1.1 CT.
 */
public final class DicomReadBenchmark {
    private DicomReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/ct/ircad-1.1/ct-dicom");
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            MedicalImage image = DicomReader.read(folder, ReadOptions.defaults());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("run %d: %s read in %.3f s (%d voxels, %s)%n", r + 1, folder, seconds,
                    image.volume().voxels().length, image.volume().geometry());
        }
    }
}
