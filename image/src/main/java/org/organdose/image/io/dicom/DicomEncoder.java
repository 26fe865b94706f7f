package org.organdose.image.io.dicom;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.organdose.image.io.AtomicFileOutput;
import org.organdose.image.io.ImageIoException;

/**
 * Writes a {@link DicomAttributes} dataset as a DICOM Part 10 file (PS3.10 section 7): the 128-byte
 * preamble, "DICM", the file meta group, then the dataset in Explicit VR Little Endian (PS3.5
 * section 7.1.2), every value padded to even length (UI with a NUL, other text with a space,
 * binary with a zero byte). Sequences and their items have defined lengths, computed before they
 * are written, or undefined lengths closed by delimitation items (PS3.5 section 7.5). Files are
 * written through a temporary file ({@link AtomicFileOutput}).
 */
final class DicomEncoder {
    /** This implementation's class UID (PS3.7 D.3.3.2), a UUID-derived UID made once for OrganDose. */
    static final String IMPLEMENTATION_CLASS_UID = "2.25.46526465616172921462969136603950639613";
    static final String IMPLEMENTATION_VERSION = "ORGANDOSE_1";

    private static final int FILE_META_INFORMATION_GROUP_LENGTH = 0x00020000;
    private static final int FILE_META_INFORMATION_VERSION = 0x00020001;
    private static final int MEDIA_STORAGE_SOP_INSTANCE_UID = 0x00020003;
    private static final int IMPLEMENTATION_CLASS_UID_TAG = 0x00020012;
    private static final int IMPLEMENTATION_VERSION_NAME = 0x00020013;
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    /** The largest even value a 16-bit length field holds. */
    private static final int MAX_SHORT_VALUE = 0xFFFE;

    private final Path target;
    private final boolean undefinedLengths;

    private DicomEncoder(Path target, boolean undefinedLengths) {
        this.target = target;
        this.undefinedLengths = undefinedLengths;
    }

    /**
     * Writes {@code dataset} to {@code target}; its SOPClassUID and SOPInstanceUID name it in the
     * file meta group.
     *
     * @param undefinedLengths write sequences and items with undefined length and delimiters
     */
    static void write(Path target, DicomAttributes dataset, boolean undefinedLengths) throws ImageIoException {
        new DicomEncoder(target, undefinedLengths).write(dataset);
    }

    private void write(DicomAttributes dataset) throws ImageIoException {
        String sopClass = dataset.string(DicomTags.SOP_CLASS_UID);
        String sopInstance = dataset.string(DicomTags.SOP_INSTANCE_UID);
        if (sopClass == null || sopInstance == null) {
            throw new IllegalArgumentException("a dataset to write needs its SOPClassUID and SOPInstanceUID");
        }
        DicomAttributes meta = new DicomAttributes(target)
                .setBytes(FILE_META_INFORMATION_VERSION, Vr.OB, new byte[] {0, 1})
                .setBytes(DicomTags.MEDIA_STORAGE_SOP_CLASS_UID, Vr.UI, uid(sopClass))
                .setBytes(MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, uid(sopInstance))
                .setBytes(DicomTags.TRANSFER_SYNTAX_UID, Vr.UI, uid(TransferSyntax.EXPLICIT_LITTLE.uid()))
                .setBytes(IMPLEMENTATION_CLASS_UID_TAG, Vr.UI, uid(IMPLEMENTATION_CLASS_UID))
                .setBytes(IMPLEMENTATION_VERSION_NAME, Vr.SH, IMPLEMENTATION_VERSION.getBytes(StandardCharsets.US_ASCII));
        checkLengths(meta);
        checkLengths(dataset);
        AtomicFileOutput.write(target, raw -> {
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            out.write(new byte[128]);
            out.write("DICM".getBytes(StandardCharsets.US_ASCII));
            // the meta group always has defined lengths and starts with its own length (PS3.10 7.1)
            writeHeader(out, FILE_META_INFORMATION_GROUP_LENGTH, Vr.UL, 4);
            writeNumber(out, datasetLength(meta, false), 4);
            writeDataset(out, meta, false);
            writeDataset(out, dataset, undefinedLengths);
            out.flush();
        });
    }

    private static byte[] uid(String uid) {
        return uid.getBytes(StandardCharsets.US_ASCII);
    }

    /** Values too long for a 16-bit length field cannot be written in explicit VR: refused before a byte is written. */
    private void checkLengths(DicomAttributes dataset) throws ImageIoException {
        for (int tag : dataset.tags()) {
            Vr vr = dataset.vr(tag);
            if (vr == Vr.SQ) {
                for (DicomAttributes item : dataset.sequence(tag)) {
                    checkLengths(item);
                }
            } else if (!vr.longHeader() && padded(dataset.valueBytes(tag).length) > MAX_SHORT_VALUE) {
                throw new ImageIoException(target, "attribute " + DicomTags.format(tag) + " (" + vr + ") would need "
                        + dataset.valueBytes(tag).length + " bytes; explicit VR allows at most " + MAX_SHORT_VALUE);
            }
        }
    }

    private static long padded(long length) {
        return length + (length & 1);
    }

    private static long datasetLength(DicomAttributes dataset, boolean undefined) {
        long total = 0;
        for (int tag : dataset.tags()) {
            Vr vr = dataset.vr(tag);
            total += vr.longHeader() ? 12 : 8;
            total += vr == Vr.SQ ? sequenceLength(dataset.sequence(tag), undefined) : padded(dataset.valueBytes(tag).length);
        }
        return total;
    }

    /** The bytes of a sequence's content: its items with their headers, and delimiters when lengths are undefined. */
    private static long sequenceLength(List<DicomAttributes> items, boolean undefined) {
        long total = 0;
        for (DicomAttributes item : items) {
            total += 8 + datasetLength(item, undefined) + (undefined ? 8 : 0);
        }
        return total + (undefined ? 8 : 0);
    }

    private static void writeDataset(OutputStream out, DicomAttributes dataset, boolean undefined) throws IOException {
        for (int tag : dataset.tags()) {
            Vr vr = dataset.vr(tag);
            if (vr == Vr.SQ) {
                List<DicomAttributes> items = dataset.sequence(tag);
                writeHeader(out, tag, Vr.SQ, undefined ? UNDEFINED_LENGTH : sequenceLength(items, false));
                for (DicomAttributes item : items) {
                    writeTag(out, DicomTags.ITEM);
                    writeNumber(out, undefined ? UNDEFINED_LENGTH : datasetLength(item, false), 4);
                    writeDataset(out, item, undefined);
                    if (undefined) {
                        writeTag(out, DicomTags.ITEM_DELIMITATION);
                        writeNumber(out, 0, 4);
                    }
                }
                if (undefined) {
                    writeTag(out, DicomTags.SEQUENCE_DELIMITATION);
                    writeNumber(out, 0, 4);
                }
            } else {
                byte[] value = dataset.valueBytes(tag);
                writeHeader(out, tag, vr, padded(value.length));
                out.write(value);
                if ((value.length & 1) == 1) {
                    out.write(padding(vr));
                }
            }
        }
    }

    /** PS3.5 6.2: UI values end in NUL, other text in a space; binary values (OB) in a zero byte. */
    private static int padding(Vr vr) {
        return vr.isText() && vr != Vr.UI ? ' ' : 0;
    }

    private static void writeHeader(OutputStream out, int tag, Vr vr, long length) throws IOException {
        writeTag(out, tag);
        out.write(vr.name().getBytes(StandardCharsets.US_ASCII));
        if (vr.longHeader()) {
            writeNumber(out, 0, 2);
            writeNumber(out, length, 4);
        } else {
            writeNumber(out, length, 2);
        }
    }

    private static void writeTag(OutputStream out, int tag) throws IOException {
        writeNumber(out, tag >>> 16, 2);
        writeNumber(out, tag & 0xFFFF, 2);
    }

    private static void writeNumber(OutputStream out, long value, int size) throws IOException {
        for (int k = 0; k < size; k++) {
            out.write((int) (value >>> (8 * k)) & 0xFF);
        }
    }
}
