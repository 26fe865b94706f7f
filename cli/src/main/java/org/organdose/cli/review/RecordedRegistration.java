package org.organdose.cli.review;

import java.util.List;
import java.util.Map;
import org.organdose.image.Volume;
import org.organdose.image.registration.RigidTransform;

/**
 * A session's SPECT placed in the diagnostic CT's frame the way the dosimetry placed it: through
 * the rigid transform results.json records for that session under
 * {@code settings.registration.timepoints} (its {@code matrix_lps} maps diagnostic-CT points to the
 * session's points). A session without one (its CT is the diagnostic CT, or registration was not
 * run) is shown in scanner coordinates.
 */
final class RecordedRegistration {
    private RecordedRegistration() {
    }

    /** The transform recorded for the session at {@code hours}; null when there is none. */
    static RigidTransform toSession(Map<String, Object> settings, double hours) {
        if (!(settings.get("registration") instanceof Map<?, ?> registration)
                || !(registration.get("timepoints") instanceof List<?> sessions)) {
            return null;
        }
        for (Object s : sessions) {
            if (s instanceof Map<?, ?> session && session.get("hours") instanceof Number h && h.doubleValue() == hours
                    && session.get("matrix_lps") instanceof List<?> m && m.size() == 16) {
                double[] a = new double[16];
                for (int e = 0; e < 16; e++) {
                    a[e] = ((Number) m.get(e)).doubleValue();
                }
                double[] rotation = {a[0], a[1], a[2], a[4], a[5], a[6], a[8], a[9], a[10]};
                return RigidTransform.of(rotation, new double[3], new double[] {a[3], a[7], a[11]});
            }
        }
        return null;
    }

    /**
     * The SPECT's voxels on its grid carried by the inverse transform, so that sampling it by world
     * coordinates at a diagnostic-CT point x reads the SPECT at T(x); nothing is resampled.
     */
    static Volume inDiagnosticFrame(Volume spect, RigidTransform toSession) {
        return toSession == null ? spect : new Volume(toSession.inverse().carry(spect.geometry()), spect.voxels());
    }
}
