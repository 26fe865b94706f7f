package org.organdose.cli.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.Plane;
import org.organdose.image.Volume;

/** A session's SPECT shown through the transform results.json records, checked on a shift of exactly one voxel. */
class RecordedRegistrationTest {
    private static final Geometry GRID = Geometry.axisAligned(6, 4, 3, new double[] {2, 2, 2}, new double[] {0, 0, 0});

    @Test
    void aRecordedShiftMovesTheSpectByItsVoxels() {
        // diagnostic-CT points map to session points 2 mm further along x: the CT's voxel c shows the SPECT's c + 1
        List<Double> shift = List.of(1.0, 0.0, 0.0, 2.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0);
        Map<String, Object> settings = Map.of("registration", Map.of("timepoints",
                List.of(Map.of("hours", 24.0, "matrix_lps", shift))));
        Volume spect = new Volume(GRID);
        for (int p = 0; p < GRID.voxelCount(); p++) {
            spect.voxels()[p] = 100 + p % GRID.nx();
        }
        Volume placed = RecordedRegistration.inDiagnosticFrame(spect, RecordedRegistration.toSession(settings, 24));
        float[] row = new SliceSampler(GRID).slice(placed, Plane.AXIAL, 1);
        for (int c = 0; c < GRID.nx() - 1; c++) {
            assertThat(row[c]).isEqualTo(100f + c + 1, within(1e-4f));
        }
        // the last column's point falls a whole voxel beyond the SPECT: outside reads 0
        assertThat(row[GRID.nx() - 1]).isZero();
    }

    @Test
    void noRecordForTheSessionMeansScannerCoordinates() {
        Map<String, Object> settings = Map.of("registration", Map.of("timepoints",
                List.of(Map.of("hours", 6.0, "matrix_lps", List.of()))));
        assertThat(RecordedRegistration.toSession(settings, 24)).isNull();
        assertThat(RecordedRegistration.toSession(Map.of(), 24)).isNull();
        Volume spect = new Volume(GRID);
        assertThat(RecordedRegistration.inDiagnosticFrame(spect, null)).isSameAs(spect);
    }
}
