package org.organdose.dosimetry.dicomimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.stream.Stream;
import org.organdose.image.io.dicom.SyntheticExport;
import org.organdose.image.io.dicom.SyntheticExport.Administration;

/**
 * Times the import of an export (not a test: timings are printed, never asserted). Usage:
 * {@code java -cp <test classpath> org.organdose.dosimetry.dicomimport.ImportBenchmark [folder] [repeats]};
 * without a folder, a four-session export is made in a temporary folder and deleted afterwards:
 * a 200-slice diagnostic CT and per session an 80-slice CT of 512 x 512 pixels, a 128^3 BQML SPECT,
 * a NAC SPECT and a localizer (about 300 MB in 532 files).
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path folder = args.length > 0 ? Path.of(args[0]) : fourSessions(Files.createTempDirectory("import-bench"));
        try {
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                ImportedStudy s = StudyImporter.importFrom(folder, ImportOptions.defaults());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("run %d: %d files, %d series, %d sessions imported in %.3f s%n", r + 1,
                        s.export().filesSeen(), s.series().size(), s.sessions().size(), seconds);
            }
        } finally {
            if (args.length == 0) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private static Path fourSessions(Path dir) throws IOException {
        SyntheticExport e = new SyntheticExport(dir, 512, 128);
        LocalDateTime injection = LocalDateTime.of(2026, 3, 2, 10, 0);
        Administration lu = new Administration("^177^Lutetium", Double.NaN, 7.4e9, injection, false);
        e.ct("1.3.0", "1.3.0.1", "1.3.0.100", injection.minusDays(7), 200);
        int[] hours = {1, 4, 24, 96};
        for (int t = 0; t < hours.length; t++) {
            String study = "1.3." + (t + 1);
            LocalDateTime at = injection.plusHours(hours[t]);
            e.localizer(study, study + ".4", study + ".100", at.minusMinutes(15));
            e.ct(study, study + ".1", study + ".100", at.minusMinutes(10), 80);
            e.spect(study, study + ".2", study + ".100", at, "BQML", "ATTN\\SCAT", 10, lu);
            e.spect(study, study + ".3", study + ".100", at, "CNTS", "DECY", 1, lu);
        }
        return dir;
    }
}
