package org.organdose.image.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.organdose.image.LabelMap;
import org.organdose.image.SharedData;
import org.organdose.image.io.ImageFiles;

/** dcmqi's liver SEG (written by another implementation) read against the same segmentation as NRRD. */
class DicomSegReaderRealDataTest {
    @Test
    void dcmqiLiverSegMatchesItsNrrd() throws Exception {
        LabelMap seg = ImageFiles.readLabels(SharedData.resolve("io/dcmqi-ct-3slice/liver.dcm"));
        LabelMap nrrd = ImageFiles.readLabels(SharedData.resolve("io/dcmqi-ct-3slice/liver_seg.nrrd"));
        assertThat(seg.geometry().sameGrid(nrrd.geometry(), 1e-3)).isTrue();
        assertThat(seg.labels()).isEqualTo(nrrd.labels());
    }
}
