package org.organdose.dosimetry.dicomimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.dicom.DicomAttributes;
import org.organdose.image.io.dicom.DicomFile;
import org.organdose.image.io.dicom.DicomReader;
import org.organdose.image.io.dicom.DicomTags;

/**
 * Scans an export folder (nested, any file names): reads the header of every DICOM file up to its
 * pixel data and groups the image files by SeriesInstanceUID. Files that are not DICOM, or DICOM
 * without an image, are skipped and counted; a damaged file is skipped and reported, so that one
 * bad file does not stop an import whose series are otherwise complete.
 */
public final class DicomExportScanner {
    private DicomExportScanner() {
    }

    public static ScannedExport scan(Path folder) throws DosimetryInputException {
        if (!Files.isDirectory(folder)) {
            throw new DosimetryInputException(folder + ": not a folder");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            throw new DosimetryInputException(folder + ": cannot list folder: " + e.getMessage());
        }
        Map<String, List<DicomAttributes>> series = new LinkedHashMap<>();
        int notDicom = 0;
        int notImages = 0;
        List<String> damaged = new ArrayList<>();
        for (Path path : paths) {
            try {
                if (!DicomReader.looksLikeDicom(path)) {
                    notDicom++;
                    continue;
                }
                DicomFile dicom = DicomReader.readHeaders(path);
                DicomAttributes a = dicom.attributes();
                if (DicomReader.nonImageReason(a) != null) {
                    notImages++;
                    continue;
                }
                series.computeIfAbsent(a.string(DicomTags.SERIES_INSTANCE_UID, ""), k -> new ArrayList<>()).add(a);
            } catch (ImageIoException e) {
                damaged.add(e.getMessage());
            }
        }
        if (series.isEmpty()) {
            throw new DosimetryInputException(folder + ": no DICOM image files found (" + paths.size() + " files: "
                    + notDicom + " not DICOM, " + notImages + " DICOM without an image, " + damaged.size() + " damaged)");
        }
        List<ScannedSeries> found = new ArrayList<>();
        series.forEach((uid, files) -> found.add(new ScannedSeries(uid, files)));
        return new ScannedExport(folder, found, paths.size(), notDicom, notImages, damaged);
    }
}
