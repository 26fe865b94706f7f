package org.organdose.image.io.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.organdose.image.io.ImageIoException;

/**
 * Parses DICOM Part 10 files (PS3.10): the 128-byte preamble and "DICM", the file meta group
 * (always explicit VR little endian), then the dataset in its transfer syntax. Files without the
 * preamble are accepted when they start with a plausible element of group 0002 or 0008.
 * Sequences, of defined or undefined length, are parsed into nested {@link DicomAttributes}.
 * Every length is checked against the bytes left before anything is allocated.
 */
public final class DicomParser {
    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    private static final int PREAMBLE = 128;
    /** Deeper nesting than any real image header: only damaged files get here. */
    private static final int MAX_DEPTH = 16;
    /** Inflated datasets beyond this are refused rather than exhausting memory. */
    private static final long MAX_INFLATED_BYTES = 1L << 30;
    private static final int SMALLEST_ELEMENT = 8;

    private final Path file;
    private final boolean keepPixelData;
    private final boolean stopAtPixelData;
    private boolean explicitVr;
    private boolean reachedPixelData;
    /** RLE Lossless, the one compressed syntax decoded here. */
    private boolean rle;

    private DicomParser(Path file, boolean keepPixelData, boolean stopAtPixelData) {
        this.file = file;
        this.keepPixelData = keepPixelData;
        this.stopAtPixelData = stopAtPixelData;
    }

    /**
     * Parses a whole file held in memory.
     *
     * @param keepPixelData whether {@link PixelData#buffer()} should reference {@code bytes};
     *                      false to parse headers only and let {@code bytes} be collected
     */
    public static DicomFile parse(Path file, byte[] bytes, boolean keepPixelData) throws ImageIoException {
        return new DicomParser(file, keepPixelData, false).parse(bytes);
    }

    /**
     * Parses the header of a file up to its pixel data, which is noted (offset and length) but
     * neither read nor checked, so that only the file's beginning need be read.
     *
     * @param head      the file's first bytes, or all of them
     * @param wholeFile whether {@code head} is the whole file
     * @return the header; null when {@code head} is only a beginning that ends before the pixel data
     *         (read more and call again)
     */
    public static DicomFile parseHeaders(Path file, byte[] head, boolean wholeFile) throws ImageIoException {
        DicomParser parser = new DicomParser(file, false, true);
        try {
            DicomFile parsed = parser.parse(head);
            return wholeFile || parser.reachedPixelData ? parsed : null;
        } catch (ImageIoException e) {
            if (wholeFile) {
                throw e;
            }
            // cut short inside an element or a deflated stream: the whole file decides
            return null;
        }
    }

    /** Whether a file starting with {@code head} (its first 132 bytes or more) is worth parsing as DICOM. */
    public static boolean looksLikeDicom(byte[] head) {
        return hasMarker(head) || startsWithElement(head);
    }

    private static boolean hasMarker(byte[] b) {
        return b.length >= PREAMBLE + 4 && b[PREAMBLE] == 'D' && b[PREAMBLE + 1] == 'I' && b[PREAMBLE + 2] == 'C'
                && b[PREAMBLE + 3] == 'M';
    }

    /** Group 0002 or 0008 first, with a valid VR (explicit) or a short length (implicit). */
    private static boolean startsWithElement(byte[] b) {
        if (b.length < SMALLEST_ELEMENT || b[1] != 0 || (b[0] != 2 && b[0] != 8)) {
            return false;
        }
        if (Vr.of(b[4], b[5]) != null) {
            return true;
        }
        long length = (b[4] & 0xFF) | (b[5] & 0xFF) << 8 | (long) (b[6] & 0xFF) << 16 | (long) (b[7] & 0xFF) << 24;
        return b[0] == 8 && length < 1024;
    }

    private DicomFile parse(byte[] bytes) throws ImageIoException {
        int start;
        if (hasMarker(bytes)) {
            start = PREAMBLE + 4;
        } else if (startsWithElement(bytes)) {
            start = 0;
        } else {
            throw new ImageIoException(file, "not a DICOM file: no 'DICM' marker at offset 128 and no DICOM element at the start");
        }
        DicomInput in = new DicomInput(file, bytes, start);
        DicomAttributes meta = new DicomAttributes(file);
        explicitVr = true;
        while (in.remaining() >= SMALLEST_ELEMENT && in.peek(0) == 2 && in.peek(1) == 0) {
            readValue(in, meta, in.tag(), bytes.length, 0);
        }
        String uid = meta.string(DicomTags.TRANSFER_SYNTAX_UID);
        TransferSyntax syntax;
        if (uid != null) {
            syntax = TransferSyntax.of(uid);
        } else {
            // no meta group: a bare dataset, whose first element tells explicit from implicit
            syntax = Vr.of(in.peek(4), in.peek(5)) != null ? TransferSyntax.EXPLICIT_LITTLE : TransferSyntax.IMPLICIT_LITTLE;
        }
        rle = RleLossless.UID.equals(syntax.uid());
        DicomInput body = syntax.deflated() ? new DicomInput(file, inflate(bytes, in.position()), 0) : in;
        body.bigEndian(syntax.bigEndian());
        explicitVr = syntax.explicitVr();
        DicomAttributes dataset = new DicomAttributes(file);
        readDataset(body, dataset, body.bytes().length, 0);
        return new DicomFile(file, syntax, dataset);
    }

    private byte[] inflate(byte[] bytes, int offset) throws ImageIoException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, offset, bytes.length - offset);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(1 << 26, Math.max(1024, 4L * (bytes.length - offset))));
            byte[] chunk = new byte[1 << 16];
            long total = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ImageIoException(file, "deflated dataset is truncated");
                }
                total += n;
                if (total > MAX_INFLATED_BYTES) {
                    throw new ImageIoException(file, "deflated dataset inflates to more than " + MAX_INFLATED_BYTES + " bytes");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ImageIoException(file, "deflated dataset is damaged: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    /**
     * Reads elements into {@code target} up to {@code end}, or up to an item delimitation when
     * {@code end} is negative (an item of undefined length).
     */
    private void readDataset(DicomInput in, DicomAttributes target, long end, int depth) throws ImageIoException {
        while (true) {
            if (end >= 0) {
                long left = end - in.position();
                if (left == 0) {
                    return;
                }
                if (left < SMALLEST_ELEMENT) {
                    throw new ImageIoException(file, "file is truncated or damaged: " + left
                            + " stray bytes at offset " + in.position());
                }
            }
            int tag = in.tag();
            if (tag == DicomTags.ITEM_DELIMITATION) {
                in.u32("item delimitation length");
                if (end < 0) {
                    return;
                }
                throw new ImageIoException(file, "damaged file: item delimitation outside an item at offset " + in.position());
            }
            if (tag == DicomTags.ITEM || tag == DicomTags.SEQUENCE_DELIMITATION) {
                throw new ImageIoException(file, "damaged file: sequence item tag " + DicomTags.format(tag)
                        + " outside a sequence at offset " + in.position());
            }
            readValue(in, target, tag, end >= 0 ? end : in.bytes().length, depth);
            if (reachedPixelData) {
                return;
            }
        }
    }

    private void readValue(DicomInput in, DicomAttributes target, int tag, long end, int depth) throws ImageIoException {
        Vr vr;
        long length;
        if (explicitVr) {
            in.require(2, "VR of " + DicomTags.format(tag));
            vr = Vr.of(in.peek(0), in.peek(1));
            if (vr == null) {
                throw new ImageIoException(file, "damaged file: element " + DicomTags.format(tag) + " at offset "
                        + in.position() + " has no valid VR");
            }
            in.skip(2, "VR");
            if (vr.longHeader()) {
                in.skip(2, "reserved bytes");
                length = in.u32("value length");
            } else {
                length = in.u16("value length");
            }
        } else {
            vr = DicomTags.implicitVr(tag);
            length = in.u32("value length");
        }
        boolean topLevelPixels = tag == DicomTags.PIXEL_DATA && depth == 0;
        if (topLevelPixels && stopAtPixelData) {
            boolean encapsulated = length == UNDEFINED_LENGTH;
            target.setPixelData(new PixelData(null, in.position(), encapsulated ? 0 : (int) Math.min(length, Integer.MAX_VALUE),
                    in.bigEndian() && vr != Vr.OB, encapsulated));
            reachedPixelData = true;
            return;
        }
        if (length == UNDEFINED_LENGTH) {
            if (tag == DicomTags.PIXEL_DATA) {
                List<RleLossless.Fragment> fragments = fragments(in);
                if (topLevelPixels && rle) {
                    if (fragments.isEmpty()) {
                        throw new ImageIoException(file, "damaged file: RLE pixel data without its basic offset table");
                    }
                    // the first item is the basic offset table; one fragment a frame follows
                    target.setPixelData(RleLossless.pixelData(file, in.bytes(), fragments.subList(1, fragments.size()),
                            target, keepPixelData));
                } else if (topLevelPixels) {
                    target.setPixelData(new PixelData(null, 0, 0, false, true));
                }
            } else if (vr == Vr.SQ || vr == Vr.UN) {
                // an undefined-length UN is a sequence encoded in implicit VR little endian (PS3.5 6.2.2)
                target.putSequence(tag, readSequence(in, -1, depth + 1, vr == Vr.UN));
            } else {
                throw new ImageIoException(file, "damaged file: element " + DicomTags.format(tag) + " (" + vr
                        + ") has undefined length");
            }
            return;
        }
        if (length % 2 != 0) {
            throw new ImageIoException(file, "damaged file: element " + DicomTags.format(tag) + " has odd length " + length);
        }
        if (in.position() + length > end) {
            throw new ImageIoException(file, "file is truncated or damaged: element " + DicomTags.format(tag) + " claims "
                    + length + " bytes at offset " + in.position() + " but only " + (end - in.position())
                    + " remain in its " + (depth == 0 ? "file" : "item"));
        }
        if (vr == Vr.SQ) {
            target.putSequence(tag, readSequence(in, in.position() + length, depth + 1, false));
        } else if (tag == DicomTags.PIXEL_DATA) {
            if (topLevelPixels && rle) {
                throw new ImageIoException(file, "damaged file: RLE Lossless pixel data of defined length, not in fragments");
            }
            if (topLevelPixels) {
                target.setPixelData(new PixelData(keepPixelData ? in.bytes() : null, in.position(), (int) length,
                        in.bigEndian() && vr != Vr.OB, false));
            }
            in.skip(length, "pixel data");
        } else {
            // a known attribute stored as UN (e.g. by a tool that did not know it) is read as what it is
            Vr known = DicomTags.implicitVr(tag);
            Vr stored = vr == Vr.UN && known != Vr.UN && known != Vr.SQ ? known : vr;
            target.put(tag, stored, in.take((int) length, "value of " + DicomTags.format(tag)), in.bigEndian());
        }
    }

    private List<DicomAttributes> readSequence(DicomInput in, long end, int depth, boolean implicitInside)
            throws ImageIoException {
        if (depth > MAX_DEPTH) {
            throw new ImageIoException(file, "damaged file: sequences nested more than " + MAX_DEPTH + " deep");
        }
        boolean savedExplicit = explicitVr;
        boolean savedBigEndian = in.bigEndian();
        if (implicitInside) {
            explicitVr = false;
            in.bigEndian(false);
        }
        try {
            List<DicomAttributes> items = new ArrayList<>();
            while (end < 0 || in.position() < end) {
                int tag = in.tag();
                long length = in.u32("item length");
                if (tag == DicomTags.SEQUENCE_DELIMITATION && end < 0) {
                    break;
                }
                if (tag != DicomTags.ITEM) {
                    throw new ImageIoException(file, "damaged file: expected a sequence item at offset "
                            + (in.position() - SMALLEST_ELEMENT) + " but found tag " + DicomTags.format(tag));
                }
                DicomAttributes item = new DicomAttributes(file);
                if (length == UNDEFINED_LENGTH) {
                    readDataset(in, item, -1, depth);
                } else {
                    long limit = end >= 0 ? end : in.bytes().length;
                    if (in.position() + length > limit) {
                        throw new ImageIoException(file, "file is truncated or damaged: sequence item claims " + length
                                + " bytes at offset " + in.position() + " but only " + (limit - in.position()) + " remain");
                    }
                    readDataset(in, item, in.position() + length, depth);
                }
                if (end >= 0 && in.position() > end) {
                    throw new ImageIoException(file, "damaged file: sequence item runs past the end of its sequence");
                }
                items.add(item);
            }
            return items;
        } finally {
            explicitVr = savedExplicit;
            in.bigEndian(savedBigEndian);
        }
    }

    /**
     * Steps over compressed pixel data, items of defined length up to a sequence delimitation,
     * and says where each item lies (the first is the basic offset table).
     */
    private List<RleLossless.Fragment> fragments(DicomInput in) throws ImageIoException {
        List<RleLossless.Fragment> fragments = new ArrayList<>();
        while (true) {
            int tag = in.tag();
            long length = in.u32("fragment length");
            if (tag == DicomTags.SEQUENCE_DELIMITATION) {
                return fragments;
            }
            if (tag != DicomTags.ITEM || length == UNDEFINED_LENGTH) {
                throw new ImageIoException(file, "damaged file: bad compressed pixel data fragment at offset " + in.position());
            }
            fragments.add(new RleLossless.Fragment(in.position(), (int) Math.min(length, Integer.MAX_VALUE)));
            in.skip(length, "compressed pixel data fragment");
        }
    }
}
