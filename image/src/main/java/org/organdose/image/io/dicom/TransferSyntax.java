package org.organdose.image.io.dicom;

import java.util.Map;

/**
 * How a dataset is encoded (PS3.5 section 10 and annex A): VR explicit or implicit, byte order,
 * deflate, and whether the pixel data is compressed (encapsulated), which we decode only for RLE.
 *
 * @param uid          the transfer syntax UID from (0002,0010)
 * @param name         its name in the standard, for messages
 * @param explicitVr   element headers carry their VR
 * @param bigEndian    values and tags are big endian
 * @param deflated     the dataset after the file meta group is raw deflate (RFC 1951)
 * @param encapsulated pixel data is a sequence of compressed fragments
 */
public record TransferSyntax(String uid, String name, boolean explicitVr, boolean bigEndian, boolean deflated,
                             boolean encapsulated) {
    public static final TransferSyntax IMPLICIT_LITTLE =
            new TransferSyntax("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false);
    public static final TransferSyntax EXPLICIT_LITTLE =
            new TransferSyntax("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_LITTLE =
            new TransferSyntax("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false);
    public static final TransferSyntax EXPLICIT_BIG =
            new TransferSyntax("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false);

    /** Compressed syntaxes we can recognise and name; of these only RLE Lossless is decoded ({@link RleLossless}). */
    private static final Map<String, String> ENCAPSULATED_NAMES = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression"),
            Map.entry("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)"),
            Map.entry("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression"),
            Map.entry("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level"),
            Map.entry("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level"),
            Map.entry("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1"),
            Map.entry("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1"),
            Map.entry("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1"),
            Map.entry("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1"),
            Map.entry("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)"),
            Map.entry("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)"),
            Map.entry("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression"),
            Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"));

    /**
     * The syntax of a UID. Unknown UIDs are taken as encapsulated explicit little endian, the
     * encoding every compressed syntax uses, so their headers can still be listed.
     */
    public static TransferSyntax of(String uid) {
        for (TransferSyntax ts : new TransferSyntax[] {IMPLICIT_LITTLE, EXPLICIT_LITTLE, DEFLATED_EXPLICIT_LITTLE, EXPLICIT_BIG}) {
            if (ts.uid.equals(uid)) {
                return ts;
            }
        }
        String name = ENCAPSULATED_NAMES.getOrDefault(uid, "Unknown transfer syntax");
        return new TransferSyntax(uid, name, true, false, false, true);
    }

    /** "Name (UID)", as messages show it. */
    public String describe() {
        return name + " (" + uid + ")";
    }
}
