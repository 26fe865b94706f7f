package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.PythonOracle;
import org.organdose.image.io.dicom.DicomTestWriter.Dataset;
import org.organdose.image.io.dicom.DicomTestWriter.Options;

/** The test encoder is itself checked: pydicom must read what it writes, in every encoding. */
class DicomTestWriterOracleTest {
    @TempDir
    Path dir;

    @Test
    void pydicomReadsTheSyntheticFiles() throws Exception {
        List<String> args = new ArrayList<>();
        int n = 0;
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_LITTLE, TransferSyntax.IMPLICIT_LITTLE,
                TransferSyntax.DEFLATED_EXPLICIT_LITTLE, TransferSyntax.EXPLICIT_BIG)) {
            for (boolean undefined : new boolean[] {false, true}) {
                Dataset d = SyntheticDicom.axialSlice("1.2.3", 2).sequence(DicomTags.DETECTOR_INFORMATION_SEQUENCE,
                        new Dataset().decimals(DicomTags.IMAGE_POSITION_PATIENT, 7, 8, 9));
                Path file = dir.resolve("f" + n++ + ".dcm");
                DicomTestWriter.write(file, d, new Options(ts, true, undefined));
                args.add(file.toString());
            }
        }
        String python = PythonOracle.interpreterWith("pydicom");
        String out = PythonOracle.run(python, """
                import sys, pydicom
                for f in sys.argv[1:]:
                    d = pydicom.dcmread(f)
                    a = d.pixel_array
                    print(d.file_meta.TransferSyntaxUID, d.SeriesInstanceUID, [float(v) for v in d.ImagePositionPatient],
                          [float(v) for v in d.DetectorInformationSequence[0].ImagePositionPatient], a.shape, int(a[5, 4]))
                """, args.toArray(new String[0]));
        String[] lines = out.trim().split("\n");
        assertThat(lines).hasSize(8);
        int expected = SyntheticDicom.storedValue(4, 5, 2);
        for (String line : lines) {
            assertThat(line).contains("1.2.3 [-20.0, -30.0, -5.0] [7.0, 8.0, 9.0] (6, 5) " + expected);
        }
    }
}
