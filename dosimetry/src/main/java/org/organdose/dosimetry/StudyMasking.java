package org.organdose.dosimetry;

import org.organdose.dosimetry.OrganMasker.Masks;
import org.organdose.image.InputException;

/**
 * Completes a study's organ masks by automatic segmentation: the diagnostic CT when it has no
 * labels, and each session's CT as {@link SessionMasks} asks when the session has none. Labels
 * the study gives always win.
 */
public final class StudyMasking {
    private StudyMasking() {
    }

    /**
     * @param progress told before each segmentation; its fractions span 0 to 1 over this step
     * @return the study with its masks completed
     */
    public static Study complete(Study study, OrganMasker masker, SessionMasks sessionMasks, ProgressListener progress)
            throws InputException {
        int segmentations = (study.diagnosticMasks() == null ? 1 : 0);
        if (sessionMasks != SessionMasks.REGISTER) {
            segmentations += (int) study.sessions().stream()
                    .filter(s -> s.masks() == null && !s.ctIsDiagnostic()).count();
        }
        int done = 0;
        Study out = study;
        if (study.diagnosticMasks() == null) {
            progress.progress("segmenting the diagnostic CT", 0);
            out = out.withDiagnosticMasks(masker.mask(study.diagnosticCt(), "diagnostic_ct"));
            done++;
        }
        if (sessionMasks == SessionMasks.REGISTER) {
            return out;
        }
        for (int t = 0; t < study.sessions().size(); t++) {
            Study.Session s = study.sessions().get(t);
            if (s.masks() != null || s.ctIsDiagnostic()) {
                continue;
            }
            progress.progress("segmenting the CT of " + s.hoursPostInjection() + " h", (double) done / segmentations);
            Masks segmented = masker.mask(s.ct(), Study.Session.field(t) + ".ct");
            done++;
            out = out.withSession(t, sessionMasks == SessionMasks.SEGMENT ? s.withMasks(segmented, null)
                    : s.withMasks(null, segmented));
        }
        return out;
    }
}
