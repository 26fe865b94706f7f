package org.organdose.dosimetry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.organdose.dosimetry.OrganMasker.Masks;
import org.organdose.image.Volume;
import org.organdose.image.io.dicom.DicomIdentity;

/**
 * A SPECT/CT study in memory: what {@link DosimetryPipeline} runs on. {@link StudyLoader} makes one
 * from a manifest; other loaders (a DICOM export, a corrected review) make the same thing.
 *
 * @param name                where the study came from, first in every error message (e.g. the manifest's path)
 * @param radionuclide        decay data
 * @param injectedActivityMBq NaN when not known
 * @param diagnosticCt        the CT organ masses are measured on, HU
 * @param diagnosticCtImage   where it was read from (a file, or a series in a DICOM folder), for results.json and
 *                            the report; null when none
 * @param diagnosticCtIdentity its DICOM identity (patient, study, frame of reference, slice instances), for
 *                            results written as DICOM; generated (new UIDs, no patient) when it was not DICOM
 * @param diagnosticMasks     organ masks on the diagnostic CT; null until given or segmented
 * @param sessions            in increasing time order
 * @param manifest            the manifest the study was read from; null when it came from elsewhere
 * @param warnings            what loading the study found doubtful in its images
 */
public record Study(String name, Radionuclide radionuclide, double injectedActivityMBq, Volume diagnosticCt,
                    ImageLocation diagnosticCtImage, DicomIdentity diagnosticCtIdentity, Masks diagnosticMasks, List<Session> sessions, Path manifest,
                    List<String> warnings) {

    /**
     * One imaging session.
     *
     * @param hoursPostInjection time of the SPECT after injection
     * @param spectMBqPerMl      the quantitative SPECT, MBq/mL
     * @param spectFile          its file; null when none
     * @param ct                 the session's (low-dose) CT, HU
     * @param ctFile             its file; null when none
     * @param ctIsDiagnostic     the session's CT is the diagnostic CT itself (so the session lies in its frame)
     * @param masks              the session's own organ masks (given, or segmented); null to carry the diagnostic ones
     * @param checkMasks         masks segmented on the session's CT only to check the carried ones against; null when none
     */
    public record Session(double hoursPostInjection, Volume spectMBqPerMl, Path spectFile, Volume ct, Path ctFile,
                          boolean ctIsDiagnostic, Masks masks, Masks checkMasks) {
        /** "timepoints[i]", as the manifest calls the session. */
        static String field(int index) {
            return "timepoints[" + index + "]";
        }

        public Session withMasks(Masks own, Masks check) {
            return new Session(hoursPostInjection, spectMBqPerMl, spectFile, ct, ctFile, ctIsDiagnostic, own, check);
        }
    }

    public Study {
        sessions = List.copyOf(sessions);
        warnings = List.copyOf(warnings);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one session");
        }
    }

    /** The times of the sessions, hours p.i. */
    public double[] hours() {
        return sessions.stream().mapToDouble(Session::hoursPostInjection).toArray();
    }

    /** The same study with other diagnostic masks. */
    public Study withDiagnosticMasks(Masks masks) {
        return new Study(name, radionuclide, injectedActivityMBq, diagnosticCt, diagnosticCtImage, diagnosticCtIdentity, masks, sessions, manifest, warnings);
    }

    /** The same study with session {@code index} replaced. */
    public Study withSession(int index, Session session) {
        List<Session> s = new ArrayList<>(sessions);
        s.set(index, session);
        return new Study(name, radionuclide, injectedActivityMBq, diagnosticCt, diagnosticCtImage, diagnosticCtIdentity, diagnosticMasks, s, manifest, warnings);
    }
}
