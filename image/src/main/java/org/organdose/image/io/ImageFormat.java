package org.organdose.image.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The image file formats OrganDose reads and writes, recognised by name and, failing that, by content. */
public enum ImageFormat {
    DICOM("DICOM (folder of slices, or a single/multi-frame file)", false),
    NIFTI("NIfTI-1 (.nii, .nii.gz, .hdr/.img)", true),
    NRRD("NRRD (.nrrd, .nhdr)", true),
    METAIMAGE("MetaImage (.mha, .mhd)", true),
    INTERFILE("Interfile 3.3 (.h33)", false);

    /**
     * Formats users meet (neuroimaging peers read them) that OrganDose does not, by file name
     * ending, so that the refusal says what the file is; the more specific endings first.
     */
    private static final Map<String, String> UNREAD_FORMATS = unreadFormats();

    private final String description;
    private final boolean writable;

    ImageFormat(String description, boolean writable) {
        this.description = description;
        this.writable = writable;
    }

    public String description() {
        return description;
    }

    public boolean writable() {
        return writable;
    }

    /** The format an output path asks for, by its extension. */
    public static ImageFormat forOutput(Path path) throws ImageIoException {
        ImageFormat f = byName(path);
        if (f == null || !f.writable) {
            throw new ImageIoException(path, "cannot write this format; use .nii.gz, .nii, .nrrd, .mha or .mhd");
        }
        return f;
    }

    /** The format of an existing file or folder: folders are DICOM; files by name, else by their first bytes. */
    public static ImageFormat detect(Path path) throws ImageIoException {
        if (Files.isDirectory(path)) {
            return DICOM;
        }
        if (!Files.isRegularFile(path)) {
            throw new ImageIoException(path, "no such file or folder");
        }
        ImageFormat byName = byName(path);
        if (byName != null) {
            return byName;
        }
        ImageFormat byContent = byContent(path);
        if (byContent != null) {
            return byContent;
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> unread : UNREAD_FORMATS.entrySet()) {
            if (name.endsWith(unread.getKey())) {
                throw new ImageIoException(path, unread.getValue() + " is not read; convert it to NIfTI-1, NRRD, "
                        + "MetaImage or DICOM first");
            }
        }
        throw new ImageIoException(path, "unrecognised image format; expected a DICOM folder or file, "
                + ".nii/.nii.gz, .nrrd/.nhdr, .mha/.mhd or .h33");
    }

    private static Map<String, String> unreadFormats() {
        Map<String, String> formats = new LinkedHashMap<>();
        formats.put(".mnc", "MINC");
        formats.put(".mgz", "FreeSurfer MGH");
        formats.put(".mgh", "FreeSurfer MGH");
        formats.put(".par", "Philips PAR/REC");
        formats.put(".rec", "Philips PAR/REC");
        formats.put(".head", "AFNI HEAD/BRIK");
        formats.put(".brik", "AFNI HEAD/BRIK");
        formats.put(".brik.gz", "AFNI HEAD/BRIK");
        formats.put(".v", "ECAT 7");
        formats.put(".gz", "a gzip-compressed file other than .nii.gz, .hdr.gz or .img.gz");
        return formats;
    }

    private static ImageFormat byName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii") || name.endsWith(".nii.gz") || name.endsWith(".hdr") || name.endsWith(".img")) {
            return NIFTI;
        }
        if (name.endsWith(".nrrd") || name.endsWith(".nhdr")) {
            return NRRD;
        }
        if (name.endsWith(".mha") || name.endsWith(".mhd")) {
            return METAIMAGE;
        }
        if (name.endsWith(".h33")) {
            return INTERFILE;
        }
        if (name.endsWith(".dcm") || name.endsWith(".ima")) {
            return DICOM;
        }
        return null;
    }

    private static ImageFormat byContent(Path path) throws ImageIoException {
        byte[] head = new byte[132];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ImageIoException(path, "cannot read: " + e.getMessage(), e);
        }
        String text = new String(head, 0, Math.min(n, 32), StandardCharsets.ISO_8859_1);
        if (n == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return DICOM;
        }
        if (text.startsWith("NRRD")) {
            return NRRD;
        }
        if (text.startsWith("ObjectType") || text.startsWith("NDims")) {
            return METAIMAGE;
        }
        if (text.toUpperCase(Locale.ROOT).startsWith("!INTERFILE")) {
            return INTERFILE;
        }
        if (n >= 4) {
            int le = (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 24;
            int be = Integer.reverseBytes(le);
            if (le == 348 || be == 348) {
                return NIFTI;
            }
        }
        return null;
    }
}
