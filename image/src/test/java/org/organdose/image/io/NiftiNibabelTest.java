package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.organdose.image.Geometry;
import org.organdose.image.PythonOracle;
import org.organdose.image.Volume;

/** nibabel as the independent reference for NIfTI geometry and values, in both directions. */
class NiftiNibabelTest {
    @TempDir
    Path dir;

    /** Prints the affine (16 numbers) then the values at the given i,j,k triples, all on one line. */
    private static final String DESCRIBE = """
            import sys, nibabel as nib, numpy as np
            img = nib.load(sys.argv[1])
            data = img.get_fdata()
            ijk = [int(v) for v in sys.argv[2:]]
            vals = [data[ijk[n], ijk[n + 1], ijk[n + 2]] for n in range(0, len(ijk), 3)]
            print(' '.join(repr(float(v)) for v in list(img.affine.ravel()) + vals))
            """;

    private static final int[] PROBES = {0, 0, 0, 6, 4, 3, 3, 2, 1, 1, 4, 2, 5, 0, 3};

    static double[] describe(String python, Path file, int... ijk) throws Exception {
        String[] args = new String[ijk.length + 1];
        args[0] = file.toString();
        for (int n = 0; n < ijk.length; n++) {
            args[n + 1] = Integer.toString(ijk[n]);
        }
        return Arrays.stream(PythonOracle.run(python, DESCRIBE, args).trim().split("\\s+"))
                .mapToDouble(Double::parseDouble).toArray();
    }

    static void assertAffine(double[] ours, double[] nibabel, double tol) {
        for (int q = 0; q < 16; q++) {
            assertThat(ours[q]).as("affine element %d", q).isCloseTo(nibabel[q], within(tol));
        }
    }

    @Test
    void nibabelReadsOurFilesWithOurGeometry() throws Exception {
        String python = PythonOracle.interpreterWith("nibabel");
        for (Geometry g : new Geometry[] {TestImages.oblique(), TestImages.reflected()}) {
            for (StorageType s : StorageType.values()) {
                Volume v = TestImages.pattern(g, s);
                Path file = dir.resolve("ours-" + s + ".nii.gz");
                NiftiWriter.write(v, s, file);
                double[] ref = describe(python, file, PROBES);
                assertAffine(g.affineRas(), ref, 1e-4);
                for (int n = 0; n < PROBES.length / 3; n++) {
                    assertThat(v.get(PROBES[3 * n], PROBES[3 * n + 1], PROBES[3 * n + 2]))
                            .isCloseTo((float) ref[16 + n], within(1e-3f));
                }
            }
        }
    }

    @Test
    void qformAloneAgreesWithNibabel() throws Exception {
        // nibabel reads the qform only when the sform code is 0: zero ours and compare
        String python = PythonOracle.interpreterWith("nibabel");
        Path file = dir.resolve("qform.nii");
        Geometry g = TestImages.reflected();
        NiftiWriter.write(TestImages.pattern(g, StorageType.FLOAT32), StorageType.FLOAT32, file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[254] = 0;
        bytes[255] = 0;
        Files.write(file, bytes);
        assertAffine(NiftiReader.read(file).volume().geometry().affineRas(), describe(python, file), 1e-4);
        assertAffine(NiftiReader.read(file).volume().geometry().affineRas(), g.affineRas(), 1e-4);
    }

    private static final String MAKE = """
            import sys, os, nibabel as nib, numpy as np
            out = sys.argv[1]
            shape = (7, 5, 4)
            rot = np.array([[0.8, -0.6, 0.0], [0.6, 0.8, 0.0], [0.0, 0.0, 1.0]])
            aff = np.eye(4)
            aff[:3, :3] = rot @ np.diag([0.7, 0.9, -2.5])
            aff[:3, 3] = [-120.5, 33.25, 410.0]
            ramp = np.arange(np.prod(shape)).reshape(shape, order='F')
            f = np.linspace(-1000.3, 3000.7, ramp.size).reshape(shape, order='F')
            img = nib.Nifti1Image(f, aff); img.set_data_dtype(np.int16)
            nib.save(img, os.path.join(out, 'scaled_int16.nii.gz'))
            nib.save(nib.Nifti1Image(np.sin(ramp) * 1e3, aff), os.path.join(out, 'float64.nii.gz'))
            nib.save(nib.Nifti1Image((ramp % 200).astype(np.uint8), aff), os.path.join(out, 'uint8.nii'))
            q = nib.Nifti1Image((ramp * 3 - 50).astype(np.int32), None)
            q.set_qform(aff, code=1); q.set_sform(None, code=0)
            nib.save(q, os.path.join(out, 'qform_only.nii.gz'))
            be = nib.Nifti1Image((ramp * 37 - 500).astype('>i2'), aff, nib.Nifti1Header(endianness='>'))
            nib.save(be, os.path.join(out, 'big_endian.nii'))
            s = nib.load(os.path.join(out, 'scaled_int16.nii.gz'))
            print(s.dataobj.slope, s.dataobj.inter, open(os.path.join(out, 'big_endian.nii'), 'rb').read(4).hex())
            """;

    @Test
    void weReadNibabelFilesAsNibabelDoes() throws Exception {
        String python = PythonOracle.interpreterWith("nibabel");
        String[] made = PythonOracle.run(python, MAKE, dir.toString()).trim().split("\\s+");
        assertThat(Double.parseDouble(made[0])).as("nibabel chose a scale factor").isNotEqualTo(1.0);
        assertThat(made[2]).as("big-endian sizeof_hdr").isEqualTo("0000015c");
        for (String name : new String[] {"scaled_int16.nii.gz", "float64.nii.gz", "uint8.nii", "qform_only.nii.gz",
            "big_endian.nii"}) {
            Volume ours = NiftiReader.read(dir.resolve(name)).volume();
            double[] ref = describe(python, dir.resolve(name), PROBES);
            assertAffine(ours.geometry().affineRas(), ref, 1e-4);
            for (int n = 0; n < PROBES.length / 3; n++) {
                double expected = ref[16 + n];
                assertThat((double) ours.get(PROBES[3 * n], PROBES[3 * n + 1], PROBES[3 * n + 2]))
                        .as("%s voxel %d", name, n).isCloseTo(expected, within(1e-4 * Math.max(1, Math.abs(expected))));
            }
        }
    }
}
