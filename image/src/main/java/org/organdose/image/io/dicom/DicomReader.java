package org.organdose.image.io.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageIoException;
import org.organdose.image.io.ImageMetadata;
import org.organdose.image.io.MedicalImage;
import org.organdose.image.io.ReadOptions;

/**
 * Reads a DICOM image series (a folder, searched recursively) or a single DICOM file into a
 * volume in patient LPS coordinates, with values after the modality rescale (HU for CT).
 *
 * <p>A folder may hold other files (DICOMDIR, READMEs, ...), which are skipped; it must hold one
 * image series, or the series must be chosen by its SeriesInstanceUID. Files are read twice:
 * first their headers, to group and order the slices, then their pixels straight into the
 * volume, so a large folder never sits in memory whole.
 *
 * <pre>{@code
 * MedicalImage ct = DicomReader.read(Path.of("patient/ct"), ReadOptions.defaults());
 * double hu = ct.volume().get(256, 256, 40);
 * }</pre>
 */
public final class DicomReader {
    /** Enough for the preamble and the marker, or for a first element. */
    private static final int HEAD_BYTES = 132;
    /** Enough for the header of nearly every image file, so that its pixels are not read to learn what it is. */
    private static final int HEADER_BYTES = 1 << 16;

    private DicomReader() {
    }

    /** Reads the image series of a folder, or one DICOM file (single- or multi-frame). */
    public static MedicalImage read(Path fileOrFolder, ReadOptions options) throws ImageIoException {
        return assemble(fileOrFolder, chosenFiles(fileOrFolder, options));
    }

    private static List<DicomFile> chosenFiles(Path fileOrFolder, ReadOptions options) throws ImageIoException {
        String wanted = options == null ? null : options.seriesInstanceUid();
        List<DicomFile> files;
        if (Files.isDirectory(fileOrFolder)) {
            files = chooseSeries(fileOrFolder, imageSeries(fileOrFolder), wanted);
        } else {
            DicomFile dicom = readHeaders(fileOrFolder);
            String reason = DicomPlanes.nonImageReason(dicom.attributes());
            if (reason != null) {
                throw new ImageIoException(fileOrFolder, reason);
            }
            String uid = dicom.attributes().string(DicomTags.SERIES_INSTANCE_UID, "");
            if (wanted != null && !wanted.equals(uid)) {
                throw new ImageIoException(fileOrFolder, "belongs to series " + uid + ", not to the requested series " + wanted);
            }
            files = List.of(dicom);
        }
        return files;
    }

    /** The image series in a folder (searched recursively), or the one series of a single file. */
    public static List<DicomSeriesSummary> listSeries(Path fileOrFolder) throws ImageIoException {
        Map<String, List<DicomFile>> series;
        if (Files.isDirectory(fileOrFolder)) {
            series = imageSeries(fileOrFolder);
        } else {
            DicomFile dicom = readHeaders(fileOrFolder);
            String reason = DicomPlanes.nonImageReason(dicom.attributes());
            if (reason != null) {
                throw new ImageIoException(fileOrFolder, reason);
            }
            series = Map.of(dicom.attributes().string(DicomTags.SERIES_INSTANCE_UID, ""), List.of(dicom));
        }
        List<DicomSeriesSummary> summaries = new ArrayList<>();
        series.forEach((uid, files) -> summaries.add(summary(uid, files)));
        return summaries;
    }

    private static DicomSeriesSummary summary(String uid, List<DicomFile> files) {
        DicomAttributes a = files.get(0).attributes();
        return new DicomSeriesSummary(uid, a.string(DicomTags.MODALITY, ""), a.string(DicomTags.SERIES_DESCRIPTION, ""),
                files.size());
    }

    /** Image files of a folder grouped by SeriesInstanceUID, in file name order. */
    private static Map<String, List<DicomFile>> imageSeries(Path folder) throws ImageIoException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException | RuntimeException e) {
            throw new ImageIoException(folder, "cannot list folder: " + e.getMessage());
        }
        Map<String, List<DicomFile>> series = new LinkedHashMap<>();
        int dicomFiles = 0;
        for (Path path : paths) {
            if (!looksLikeDicom(path)) {
                continue;
            }
            dicomFiles++;
            DicomFile dicom = readHeaders(path);
            if (DicomPlanes.nonImageReason(dicom.attributes()) == null) {
                series.computeIfAbsent(dicom.attributes().string(DicomTags.SERIES_INSTANCE_UID, ""), k -> new ArrayList<>())
                        .add(dicom);
            }
        }
        if (series.isEmpty()) {
            throw new ImageIoException(folder, "no DICOM image files found (" + paths.size() + " files, "
                    + dicomFiles + " of them DICOM without an image)");
        }
        return series;
    }

    private static List<DicomFile> chooseSeries(Path folder, Map<String, List<DicomFile>> series, String wanted)
            throws ImageIoException {
        if (wanted != null) {
            List<DicomFile> chosen = series.get(wanted);
            if (chosen == null) {
                throw new ImageIoException(folder, "no image series " + wanted + "; the folder holds: " + listing(series));
            }
            return chosen;
        }
        if (series.size() > 1) {
            throw new ImageIoException(folder, "the folder holds " + series.size()
                    + " image series; choose one with --series UID: " + listing(series));
        }
        return series.values().iterator().next();
    }

    private static String listing(Map<String, List<DicomFile>> series) {
        List<String> items = new ArrayList<>();
        series.forEach((uid, files) -> items.add(summary(uid, files).describe()));
        return String.join("; ", items);
    }

    /** Whether a file starts like a DICOM file (its first bytes only are read). */
    public static boolean looksLikeDicom(Path path) throws ImageIoException {
        try (InputStream in = Files.newInputStream(path)) {
            return DicomParser.looksLikeDicom(in.readNBytes(HEAD_BYTES));
        } catch (IOException e) {
            throw new ImageIoException(path, "cannot read: " + e.getMessage());
        }
    }

    /**
     * The header of one DICOM file, parsed up to its pixel data: the pixels are neither read nor
     * decoded (usually only the first 64 KiB of the file are read).
     */
    public static DicomFile readHeaders(Path path) throws ImageIoException {
        long size;
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            size = Files.size(path);
            head = in.readNBytes(HEADER_BYTES);
        } catch (NoSuchFileException e) {
            throw new ImageIoException(path, "no such file or folder");
        } catch (IOException e) {
            throw new ImageIoException(path, "cannot read: " + e.getMessage());
        }
        DicomFile dicom = head.length >= size ? DicomParser.parseHeaders(path, head, true)
                : DicomParser.parseHeaders(path, head, false);
        if (dicom == null) {
            dicom = DicomParser.parseHeaders(path, readBytes(path), true);
        }
        if (RleLossless.UID.equals(dicom.transferSyntax().uid())) {
            // RLE frames are checked and sized only by decoding them: such files (rare) are parsed whole
            return DicomParser.parse(path, readBytes(path), false);
        }
        PixelData pixels = dicom.attributes().pixelData();
        if (pixels != null && !pixels.encapsulated() && !dicom.transferSyntax().deflated()
                && pixels.offset() + (long) pixels.length() > size) {
            throw new ImageIoException(path, "file is truncated or damaged: element " + DicomTags.format(DicomTags.PIXEL_DATA)
                    + " claims " + pixels.length() + " bytes at offset " + pixels.offset() + " but only "
                    + (size - pixels.offset()) + " remain in its file");
        }
        return dicom;
    }

    /** Why the file of these attributes holds no image series this reader reads (e.g. a SEG or an SR), or null. */
    public static String nonImageReason(DicomAttributes attributes) {
        return DicomPlanes.nonImageReason(attributes);
    }

    private static byte[] readBytes(Path path) throws ImageIoException {
        try {
            if (Files.size(path) > Integer.MAX_VALUE - 8) {
                throw new ImageIoException(path, "file is larger than 2 GB, too large for one DICOM image");
            }
            return Files.readAllBytes(path);
        } catch (ImageIoException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new ImageIoException(path, "no such file or folder");
        } catch (IOException e) {
            throw new ImageIoException(path, "cannot read: " + e.getMessage());
        }
    }

    /** Orders the planes of the chosen files, then decodes each file's pixels into place. */
    private static MedicalImage assemble(Path where, List<DicomFile> files) throws ImageIoException {
        SliceStack stack = orderedStack(where, files);
        Volume volume = new Volume(stack.geometry());
        int sliceSize = stack.geometry().nx() * stack.geometry().ny();
        Map<Path, List<Integer>> slicesOfFile = new LinkedHashMap<>();
        for (int k = 0; k < stack.planes().size(); k++) {
            slicesOfFile.computeIfAbsent(stack.planes().get(k).file(), f -> new ArrayList<>()).add(k);
        }
        for (Map.Entry<Path, List<Integer>> entry : slicesOfFile.entrySet()) {
            Path path = entry.getKey();
            PixelData pixels = DicomParser.parse(path, readBytes(path), true).attributes().pixelData();
            for (int k : entry.getValue()) {
                ImagePlane plane = stack.planes().get(k);
                plane.format().decode(path, pixels, (long) plane.frame() * sliceSize, sliceSize, plane.slope(),
                        plane.intercept(), volume.voxels(), k * sliceSize);
            }
        }
        DicomAttributes first = files.get(0).attributes();
        String modality = first.string(DicomTags.MODALITY, "unknown");
        List<String> warnings = new ArrayList<>(stack.warnings());
        if ("MONOCHROME1".equals(first.string(DicomTags.PHOTOMETRIC_INTERPRETATION))) {
            warnings.add("MONOCHROME1: low values display bright; the values themselves are read unchanged");
        }
        ImageMetadata metadata = new ImageMetadata(modality, units(modality, first),
                first.string(DicomTags.SERIES_INSTANCE_UID, ""), first.string(DicomTags.SERIES_DESCRIPTION, ""), warnings,
                identity(files, stack));
        return new MedicalImage(volume, metadata);
    }

    private static SliceStack orderedStack(Path where, List<DicomFile> files) throws ImageIoException {
        List<ImagePlane> planes = new ArrayList<>();
        for (DicomFile file : files) {
            planes.addAll(DicomPlanes.of(file));
        }
        return SliceStack.of(where, planes);
    }

    /** Slice instances are listed only for one file per slice: frames of a multi-frame instance would need frame numbers. */
    private static DicomIdentity identity(List<DicomFile> files, SliceStack stack) {
        Map<Path, String> instanceOfFile = new LinkedHashMap<>();
        for (DicomFile file : files) {
            instanceOfFile.put(file.path(), file.attributes().string(DicomTags.SOP_INSTANCE_UID, ""));
        }
        List<String> slices = new ArrayList<>();
        boolean singleFrame = files.size() == stack.planes().size();
        for (ImagePlane plane : stack.planes()) {
            String uid = instanceOfFile.get(plane.file());
            if (!singleFrame || uid == null || uid.isEmpty()) {
                slices.clear();
                break;
            }
            slices.add(uid);
        }
        return DicomIdentity.of(files.get(0).attributes(), slices);
    }

    /**
     * CT values are Hounsfield units; NM and PT say theirs in Units (0054,1001), e.g. BQML (Bq/mL);
     * RT Dose in DoseUnits (3004,0002), GY or RELATIVE.
     */
    private static String units(String modality, DicomAttributes a) {
        return switch (modality) {
            case "CT" -> "HU";
            case "NM", "PT" -> a.string(DicomTags.UNITS, "");
            case "RTDOSE" -> a.string(DicomTags.DOSE_UNITS, "");
            default -> {
                String type = a.string(DicomTags.RESCALE_TYPE, "");
                yield "US".equals(type) ? "" : type;
            }
        };
    }
}
