package org.organdose.image.io.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * A test-only DICOM encoder: writes datasets in implicit, explicit (little or big endian) and
 * deflated transfer syntaxes, with or without preamble, with sequences of defined or undefined
 * length. It exists to make synthetic files with known content; the reader under test never uses it.
 */
public final class DicomTestWriter {
    /** A dataset under construction: tag to value, written in tag order. */
    public static final class Dataset {
        private final Map<Integer, Object> values = new TreeMap<>();
        private final Map<Integer, Vr> vrs = new TreeMap<>();

        public Dataset text(int tag, Vr vr, String value) {
            values.put(tag, value);
            vrs.put(tag, vr);
            return this;
        }

        public Dataset decimals(int tag, double... numbers) {
            List<String> parts = new ArrayList<>();
            for (double n : numbers) {
                String s = String.format(Locale.ROOT, "%.10g", n);
                parts.add(s.length() > 16 ? String.format(Locale.ROOT, "%.8g", n) : s);
            }
            return text(tag, Vr.DS, String.join("\\", parts));
        }

        Dataset integerString(int tag, int value) {
            return text(tag, Vr.IS, Integer.toString(value));
        }

        public Dataset us(int tag, int... numbers) {
            values.put(tag, numbers);
            vrs.put(tag, Vr.US);
            return this;
        }

        /** Raw value bytes, written as they are whatever the byte order. */
        public Dataset raw(int tag, Vr vr, byte[] bytes) {
            values.put(tag, bytes);
            vrs.put(tag, vr);
            return this;
        }

        /** 16-bit pixels, written as OW in the file's byte order. */
        public Dataset pixels16(short[] pixels) {
            values.put(DicomTags.PIXEL_DATA, pixels);
            vrs.put(DicomTags.PIXEL_DATA, Vr.OW);
            return this;
        }

        public Dataset sequence(int tag, Dataset... items) {
            values.put(tag, List.of(items));
            vrs.put(tag, Vr.SQ);
            return this;
        }

        public Dataset remove(int tag) {
            values.remove(tag);
            vrs.remove(tag);
            return this;
        }
    }

    /** How to write a file. */
    public record Options(TransferSyntax syntax, boolean preamble, boolean undefinedLengths) {
        public static Options of(TransferSyntax syntax) {
            return new Options(syntax, true, false);
        }
    }

    private DicomTestWriter() {
    }

    public static void write(Path file, Dataset dataset, Options options) throws IOException {
        Files.write(file, encode(dataset, options));
    }

    static byte[] encode(Dataset dataset, Options options) {
        TransferSyntax ts = options.syntax();
        byte[] body = encodeDataset(dataset, ts.explicitVr(), ts.bigEndian(), options.undefinedLengths());
        if (ts.deflated()) {
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            deflater.end();
            body = out.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (options.preamble()) {
            out.writeBytes(new byte[128]);
            out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
            Dataset meta = new Dataset()
                    .raw(0x00020001, Vr.OB, new byte[] {0, 1})
                    .text(0x00020002, Vr.UI, "1.2.840.10008.5.1.4.1.1.2")
                    .text(0x00020003, Vr.UI, "1.2.3.4")
                    .text(DicomTags.TRANSFER_SYNTAX_UID, Vr.UI, ts.uid())
                    .text(0x00020012, Vr.UI, "1.2.3.999");
            byte[] group = encodeDataset(meta, true, false, false);
            ByteArrayOutputStream length = new ByteArrayOutputStream();
            header(length, 0x00020000, Vr.UL, 4, true, false);
            number(length, group.length, 4, false);
            out.writeBytes(length.toByteArray());
            out.writeBytes(group);
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] encodeDataset(Dataset dataset, boolean explicit, boolean bigEndian, boolean undefinedLengths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<Integer, Object> e : dataset.values.entrySet()) {
            int tag = e.getKey();
            Vr vr = dataset.vrs.get(tag);
            if (e.getValue() instanceof List<?> items) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (Object item : items) {
                    byte[] itemBytes = encodeDataset((Dataset) item, explicit, bigEndian, undefinedLengths);
                    tag(content, DicomTags.ITEM, bigEndian);
                    number(content, undefinedLengths ? 0xFFFFFFFFL : itemBytes.length, 4, bigEndian);
                    content.writeBytes(itemBytes);
                    if (undefinedLengths) {
                        tag(content, DicomTags.ITEM_DELIMITATION, bigEndian);
                        number(content, 0, 4, bigEndian);
                    }
                }
                if (undefinedLengths) {
                    tag(content, DicomTags.SEQUENCE_DELIMITATION, bigEndian);
                    number(content, 0, 4, bigEndian);
                }
                header(out, tag, vr, undefinedLengths ? 0xFFFFFFFFL : content.size(), explicit, bigEndian);
                out.writeBytes(content.toByteArray());
            } else {
                byte[] value = valueBytes(e.getValue(), vr, bigEndian);
                header(out, tag, vr, value.length, explicit, bigEndian);
                out.writeBytes(value);
            }
        }
        return out.toByteArray();
    }

    private static byte[] valueBytes(Object value, Vr vr, boolean bigEndian) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (value instanceof String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            if (s.length() % 2 == 1) {
                out.write(vr == Vr.UI ? 0 : ' ');
            }
        } else if (value instanceof int[] numbers) {
            for (int n : numbers) {
                number(out, n, 2, bigEndian);
            }
        } else if (value instanceof short[] pixels) {
            for (short p : pixels) {
                number(out, p & 0xFFFF, 2, bigEndian);
            }
        } else {
            out.writeBytes((byte[]) value);
        }
        return out.toByteArray();
    }

    private static void header(ByteArrayOutputStream out, int tag, Vr vr, long length, boolean explicit, boolean bigEndian) {
        tag(out, tag, bigEndian);
        if (!explicit) {
            number(out, length, 4, bigEndian);
            return;
        }
        out.writeBytes(vr.name().getBytes(StandardCharsets.US_ASCII));
        if (vr.longHeader()) {
            number(out, 0, 2, bigEndian);
            number(out, length, 4, bigEndian);
        } else {
            number(out, length, 2, bigEndian);
        }
    }

    private static void tag(ByteArrayOutputStream out, int tag, boolean bigEndian) {
        number(out, tag >>> 16, 2, bigEndian);
        number(out, tag & 0xFFFF, 2, bigEndian);
    }

    private static void number(ByteArrayOutputStream out, long value, int size, boolean bigEndian) {
        for (int k = 0; k < size; k++) {
            int shift = 8 * (bigEndian ? size - 1 - k : k);
            out.write((int) (value >>> shift) & 0xFF);
        }
    }
}
