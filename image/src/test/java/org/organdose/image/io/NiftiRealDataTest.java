package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.organdose.image.LabelMap;
import org.organdose.image.PythonOracle;
import org.organdose.image.SharedData;
import org.organdose.image.Volume;

/** Real CT and labels from the shared data, against published organ HU and nibabel's affines. */
class NiftiRealDataTest {
    @Test
    void totalsegmentatorCaseHasPlausibleOrganHu() throws Exception {
        Volume ct = NiftiReader.read(SharedData.resolve("ct/totalseg-s0009/ct.nii.gz")).volume();
        LabelMap labels = LabelMap.fromVolume(NiftiReader.read(SharedData.resolve("ct/totalseg-s0009/labels.nii.gz")).volume());
        assertThat(ct.meanWhere(labels, 1)).as("liver").isCloseTo(54, within(2.0));
        assertThat(ct.meanWhere(labels, 2)).as("right kidney").isCloseTo(31, within(2.0));
        assertThat(ct.meanWhere(labels, 3)).as("left kidney").isCloseTo(35, within(2.0));
    }

    @Test
    void affinesMatchNibabel() throws Exception {
        for (String name : new String[] {"ct/totalseg-s0009/ct.nii.gz", "ct/ircad-1.17/ct.nii.gz"}) {
            Path file = SharedData.resolve(name);
            String python = PythonOracle.interpreterWith("nibabel");
            double[] ref = NiftiNibabelTest.describe(python, file);
            NiftiNibabelTest.assertAffine(NiftiReader.read(file).volume().geometry().affineRas(), ref, 1e-4);
        }
    }
}
