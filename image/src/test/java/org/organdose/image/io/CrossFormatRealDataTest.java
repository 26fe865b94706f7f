package org.organdose.image.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.organdose.image.LabelMap;
import org.organdose.image.SharedData;
import org.organdose.image.Volume;

/**
 * Real data read through different formats must line up voxel for voxel: the expert labels were
 * drawn on the DICOM series but ship as NIfTI (RAS), so any slip in sorting, orientation or the
 * LPS/RAS conversion shows up as wrong mean HU inside the organs.
 */
class CrossFormatRealDataTest {
    @Test
    void ircadDicomSeriesAndNiftiLabelsShareTheGridAndOrgansHaveTheirHu() throws Exception {
        Path ctFolder = SharedData.resolve("ct/ircad-1.1/ct-dicom");
        LabelMap labels = ImageFiles.readLabels(SharedData.resolve("ct/ircad-1.1/labels.nii.gz"));
        Volume ct = ImageFiles.read(ctFolder).volume();

        assertThat(ct.geometry().sameGrid(labels.geometry(), 1e-3)).isTrue();
        // reference values: ../shared/data/README.md (computed there independently)
        assertThat(ct.meanWhere(labels, 1)).isCloseTo(111, within(2.0));
        assertThat(ct.meanWhere(labels, 2)).isCloseTo(196, within(2.0));
        assertThat(ct.meanWhere(labels, 3)).isCloseTo(190, within(2.0));
        assertThat(ct.meanWhere(labels, 4)).isCloseTo(117, within(2.0));
    }

    @Test
    void dcmqiNrrdLiverMaskLinesUpWithItsDicomSlices() throws Exception {
        Path folder = SharedData.resolve("io/dcmqi-ct-3slice");
        Volume ct = ImageFiles.read(folder).volume();
        LabelMap liver = ImageFiles.readLabels(folder.resolve("liver_seg.nrrd"));
        LabelMap liverAndSpine = ImageFiles.readLabels(folder.resolve("liver_spine_seg.nrrd"));

        assertThat(liver.geometry().sameGrid(ct.geometry(), 1e-3)).isTrue();
        assertThat(liverAndSpine.geometry().sameGrid(ct.geometry(), 1e-3)).isTrue();
        // Soft tissue inside the liver mask, bone inside the spine mask: a flipped or shifted
        // mask would land on fat, air or other organs.
        double liverHu = ct.meanWhere(liver, 1);
        double spineHu = ct.meanWhere(liverAndSpine, 2);
        assertThat(liverHu).isBetween(30.0, 160.0);
        assertThat(spineHu).isGreaterThan(liverHu + 100);
    }
}
