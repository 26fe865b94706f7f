package org.organdose.dosimetry.dicomimport;

import java.util.List;
import org.organdose.dosimetry.Radionuclide;

/**
 * What the import chose from an export, and why.
 *
 * @param export              the scan it was chosen from
 * @param series              every image series, classified, in acquisition order (unknown times last)
 * @param radionuclide        the radionuclide
 * @param injectedActivityMBq the injected activity; NaN when the export does not record it
 * @param diagnosticCt        the CT organ masses are measured on
 * @param sessions            in increasing time order
 * @param reasons             why each series was chosen, one sentence each
 * @param warnings            every guess the import made
 */
public record ImportedStudy(ScannedExport export, List<ImportedSeries> series, Radionuclide radionuclide,
                            double injectedActivityMBq, ImportedSeries diagnosticCt, List<ImportedSession> sessions,
                            List<String> reasons, List<String> warnings) {
    public ImportedStudy {
        series = List.copyOf(series);
        sessions = List.copyOf(sessions);
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }
}
