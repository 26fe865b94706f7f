package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.PythonOracle;
import org.organdose.image.SharedData;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.ReadOptions;

/** Real series from the shared data, checked against nibabel and pydicom as independent oracles. */
class DicomRealDataTest {

    /** The ircad labels were made on the DICOM grid: our affine must equal nibabel's of the labels. */
    @Test
    void ircadGeometryMatchesTheLabelAffine() throws Exception {
        Path series = SharedData.resolve("ct/ircad-1.1/ct-dicom");
        Path labels = SharedData.resolve("ct/ircad-1.1/labels.nii.gz");
        MedicalImage image = DicomReader.read(series, ReadOptions.defaults());
        Geometry g = image.volume().geometry();
        assertThat(g.sizes()).containsExactly(512, 512, 129);
        String python = PythonOracle.interpreterWith("nibabel");
        String out = PythonOracle.run(python, """
                import sys, nibabel as nb
                i = nb.load(sys.argv[1])
                print(' '.join(str(int(s)) for s in i.shape))
                print(' '.join(repr(float(v)) for v in i.affine.flatten()))
                """, labels.toString());
        String[] lines = out.trim().split("\n");
        assertThat(lines[0]).isEqualTo("512 512 129");
        double[] expected = Arrays.stream(lines[1].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertThat(g.affineRas()).containsExactly(expected, within(1e-3));
        assertThat(image.metadata().units()).isEqualTo("HU");
        assertThat(image.metadata().warnings()).isEmpty();
    }

    /** Values after rescale and slice positions, compared voxel by voxel with pydicom on a few slices. */
    @Test
    void ircadValuesMatchPydicom() throws Exception {
        Path series = SharedData.resolve("ct/ircad-1.1/ct-dicom");
        compareWithPydicom(DicomReader.read(series, ReadOptions.defaults()).volume(), series);
    }

    @Test
    void dcmqiImplicitSlicesMatchPydicom() throws Exception {
        Path folder = SharedData.resolve("io/dcmqi-ct-3slice");
        Volume v = DicomReader.read(folder, ReadOptions.defaults()).volume();
        assertThat(v.geometry().nz()).isEqualTo(3);
        compareWithPydicom(v, folder);
        assertThat(DicomReader.listSeries(folder)).singleElement()
                .satisfies(s -> assertThat(s.fileCount()).isEqualTo(3));
    }

    /**
     * pydicom sorts the files by position along the normal, prints each slice's position and a
     * few voxels after rescale; ours must hold the same at the same index.
     */
    private static void compareWithPydicom(Volume v, Path folder) throws Exception {
        String python = PythonOracle.interpreterWith("pydicom");
        String out = PythonOracle.run(python, """
                import sys, glob, os, numpy as np, pydicom
                ds = []
                for f in sorted(glob.glob(os.path.join(sys.argv[1], '**', '*'), recursive=True)):
                    if not os.path.isfile(f): continue
                    try:
                        d = pydicom.dcmread(f)
                    except Exception:
                        continue
                    if 'PixelData' in d and d.get('Modality') != 'SEG':
                        ds.append(d)
                iop = np.array(ds[0].ImageOrientationPatient, dtype=float)
                n = np.cross(iop[:3], iop[3:])
                ds.sort(key=lambda d: float(np.dot(n, np.array(d.ImagePositionPatient, dtype=float))))
                for k in sorted({0, len(ds) // 2, len(ds) - 1}):
                    d = ds[k]
                    a = d.pixel_array.astype(float) * float(d.get('RescaleSlope', 1)) + float(d.get('RescaleIntercept', 0))
                    pos = ' '.join(repr(float(p)) for p in d.ImagePositionPatient)
                    for (j, i) in [(0, 0), (100, 200), (256, 256), (300, 90), (a.shape[0] - 1, a.shape[1] - 1)]:
                        print(k, i, j, repr(float(a[j, i])), pos)
                """, folder.toString());
        Geometry g = v.geometry();
        int checked = 0;
        for (String line : out.trim().split("\n")) {
            String[] f = line.trim().split(" ");
            int k = Integer.parseInt(f[0]);
            int i = Integer.parseInt(f[1]);
            int j = Integer.parseInt(f[2]);
            assertThat((double) v.get(i, j, k)).as("voxel %d %d %d", i, j, k).isCloseTo(Double.parseDouble(f[3]), within(1e-3));
            double[] position = {Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])};
            assertThat(g.indexToWorld(0, 0, k)).containsExactly(position, within(1e-3));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void jpeg2000SeriesIsListedButRefusedByName() throws IOException {
        Path series = SharedData.resolve("ct/totalseg-example/ct-dicom-20-slices");
        List<DicomSeriesSummary> list = DicomReader.listSeries(series);
        assertThat(list).singleElement().satisfies(s -> {
            assertThat(s.modality()).isEqualTo("CT");
            assertThat(s.fileCount()).isEqualTo(20);
        });
        assertThatThrownBy(() -> DicomReader.read(series, ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class)
                .hasMessageContaining("JPEG 2000 Image Compression (Lossless Only) (1.2.840.10008.1.2.4.90) is not supported yet");
    }

    @Test
    void segmentationFileIsRefusedClearly() {
        Path seg = SharedData.resolve("io/dcmqi-ct-3slice/liver.dcm");
        assertThatThrownBy(() -> DicomReader.read(seg, ReadOptions.defaults()))
                .isInstanceOf(ImageIoException.class)
                .hasMessage(seg + ": a DICOM Segmentation (SEG) object, not an image series this reader reads");
    }
}
