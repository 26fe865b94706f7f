package org.organdose.image.io.dicom;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.organdose.image.io.ImageIoException;

/**
 * The attributes of a DICOM dataset (or of one sequence item), with typed getters. Text values
 * holding several values are split on backslashes. Getters that interpret numbers throw an
 * {@link ImageIoException} naming the source file and the tag when a value is malformed.
 *
 * <p>The same container is what the writers fill and {@link DicomEncoder} writes: the setters
 * take the VR from {@link DicomTags}, so a tag is always written with its dictionary VR.
 */
public final class DicomAttributes {
    private record Element(Vr vr, byte[] value, boolean bigEndian) {
    }

    /** Java also parses hex floats, "NaN" and a trailing 'd' or 'f': none is a DICOM number. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final Path source;
    private final Map<Integer, Element> elements = new HashMap<>();
    private final Map<Integer, List<DicomAttributes>> sequences = new HashMap<>();
    private PixelData pixelData;

    DicomAttributes(Path source) {
        this.source = source;
    }

    /** The file these attributes came from. */
    public Path source() {
        return source;
    }

    void put(int tag, Vr vr, byte[] value, boolean bigEndian) {
        elements.put(tag, new Element(vr, value, bigEndian));
    }

    void putSequence(int tag, List<DicomAttributes> items) {
        sequences.put(tag, List.copyOf(items));
    }

    void setPixelData(PixelData pixelData) {
        this.pixelData = pixelData;
    }

    /** Sets a text attribute (several values joined by backslashes); text is kept as ISO 8859-1 bytes, as read. */
    DicomAttributes set(int tag, String... values) {
        Vr vr = DicomTags.writtenVr(tag);
        if (!vr.isText()) {
            throw new IllegalArgumentException(DicomTags.format(tag) + " has VR " + vr + ", not text");
        }
        elements.put(tag, new Element(vr, String.join("\\", values).getBytes(StandardCharsets.ISO_8859_1), false));
        return this;
    }

    /** Sets a decimal string (DS) attribute, each value in at most the 16 characters DS allows. */
    DicomAttributes setDecimals(int tag, double... values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = decimal(values[i]);
        }
        return set(tag, text);
    }

    /** Sets an integer attribute: IS as text, US, UL and AT (two 16-bit halves of a tag) as binary little endian. */
    DicomAttributes setIntegers(int tag, int... values) {
        Vr vr = DicomTags.writtenVr(tag);
        if (vr == Vr.IS) {
            String[] text = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                text[i] = Integer.toString(values[i]);
            }
            return set(tag, text);
        }
        int size = switch (vr) {
            case US -> 2;
            case UL, AT -> 4;
            default -> throw new IllegalArgumentException(DicomTags.format(tag) + " has VR " + vr + ", not an integer");
        };
        byte[] b = new byte[values.length * size];
        for (int i = 0; i < values.length; i++) {
            // AT is group then element, each little endian; US and UL are plain little endian
            long v = vr == Vr.AT ? ((long) (values[i] & 0xFFFF) << 16) | (values[i] >>> 16) : values[i] & 0xFFFFFFFFL;
            for (int k = 0; k < size; k++) {
                b[i * size + k] = (byte) (v >>> (8 * k));
            }
        }
        elements.put(tag, new Element(vr, b, false));
        return this;
    }

    /** Sets a sequence. */
    DicomAttributes setSequence(int tag, List<DicomAttributes> items) {
        putSequence(tag, items);
        return this;
    }

    /** Sets raw value bytes with an explicit VR: pixel data, whose VR (OB or OW) depends on its bit depth. */
    DicomAttributes setBytes(int tag, Vr vr, byte[] value) {
        elements.put(tag, new Element(vr, value, false));
        return this;
    }

    /** Every tag set as a value or a sequence, in increasing order (the order a dataset is written in). */
    List<Integer> tags() {
        TreeSet<Integer> all = new TreeSet<>(Integer::compareUnsigned);
        all.addAll(elements.keySet());
        all.addAll(sequences.keySet());
        return List.copyOf(all);
    }

    /** The VR of a value attribute (SQ for a sequence). */
    Vr vr(int tag) {
        Element e = elements.get(tag);
        return e != null ? e.vr : Vr.SQ;
    }

    /** The value bytes of a value attribute as stored, not copied: for the encoder only. */
    byte[] valueBytes(int tag) {
        return elements.get(tag).value;
    }

    /**
     * A DS value in at most 16 characters: the most significant digits that fit, plain notation
     * where it fits and exponent notation otherwise.
     */
    static String decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a decimal string cannot hold " + value);
        }
        for (int digits = 12; digits >= 1; digits--) {
            BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
            String plain = rounded.toPlainString();
            if (plain.length() <= 16) {
                return plain;
            }
            String scientific = rounded.toString();
            if (scientific.length() <= 16) {
                return scientific;
            }
        }
        throw new IllegalArgumentException("no 16-character decimal string for " + value);
    }

    /** Whether the dataset holds the tag as a value or a sequence. */
    public boolean contains(int tag) {
        return elements.containsKey(tag) || sequences.containsKey(tag) || (tag == DicomTags.PIXEL_DATA && pixelData != null);
    }

    /** The pixel data (7FE0,0010), or null when there is none. */
    public PixelData pixelData() {
        return pixelData;
    }

    /** The items of a sequence; empty when absent. */
    public List<DicomAttributes> sequence(int tag) {
        return sequences.getOrDefault(tag, List.of());
    }

    /** The first item of a sequence, or null. */
    public DicomAttributes firstItem(int tag) {
        List<DicomAttributes> items = sequence(tag);
        return items.isEmpty() ? null : items.get(0);
    }

    /** The raw value bytes (a copy), or null when absent. */
    public byte[] bytes(int tag) {
        Element e = elements.get(tag);
        return e == null ? null : e.value.clone();
    }

    /** All values of a text attribute, trimmed; empty when absent or empty. */
    public List<String> strings(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.value.length == 0) {
            return List.of();
        }
        String text = new String(e.value, StandardCharsets.ISO_8859_1);
        List<String> values = new ArrayList<>();
        for (String part : text.split("\\\\", -1)) {
            values.add(trim(part));
        }
        return values;
    }

    /** The first value of a text attribute, trimmed, or {@code fallback} when absent or empty. */
    public String string(int tag, String fallback) {
        List<String> values = strings(tag);
        return values.isEmpty() || values.get(0).isEmpty() ? fallback : values.get(0);
    }

    /** The first value of a text attribute, or null when absent or empty. */
    public String string(int tag) {
        return string(tag, null);
    }

    /** An integer (US, SS, UL, SL or IS), or {@code fallback} when absent or empty. */
    public int integer(int tag, int fallback) throws ImageIoException {
        double[] values = doubles(tag);
        if (values == null || values.length == 0) {
            return fallback;
        }
        double v = values[0];
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw malformed(tag, "is not an integer: " + v);
        }
        return (int) v;
    }

    /** A number, or {@code fallback} when absent or empty. */
    public double number(int tag, double fallback) throws ImageIoException {
        double[] values = doubles(tag);
        return values == null || values.length == 0 ? fallback : values[0];
    }

    /**
     * All values of a numeric attribute (DS, IS, US, SS, UL, SL, FL, FD), or null when absent.
     * Non-finite numbers are refused: nothing in an image header may be NaN or infinite.
     */
    public double[] doubles(int tag) throws ImageIoException {
        Element e = elements.get(tag);
        if (e == null) {
            return null;
        }
        double[] values = e.vr.isText() ? parseText(tag, e) : decodeBinary(tag, e);
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw malformed(tag, "holds a value that is not a finite number");
            }
        }
        return values;
    }

    private double[] parseText(int tag, Element e) throws ImageIoException {
        List<String> parts = strings(tag);
        if (parts.size() == 1 && parts.get(0).isEmpty()) {
            return new double[0];
        }
        double[] values = new double[parts.size()];
        for (int i = 0; i < values.length; i++) {
            String s = parts.get(i);
            if (!NUMBER.matcher(s).matches()) {
                throw malformed(tag, "value '" + printable(s) + "' is not a number");
            }
            values[i] = Double.parseDouble(s);
        }
        return values;
    }

    private double[] decodeBinary(int tag, Element e) throws ImageIoException {
        int size = switch (e.vr) {
            case US, SS -> 2;
            case UL, SL, FL -> 4;
            case FD -> 8;
            default -> throw malformed(tag, "has VR " + e.vr + ", not a number");
        };
        byte[] b = e.value;
        double[] values = new double[b.length / size];
        for (int i = 0; i < values.length; i++) {
            long raw = 0;
            for (int k = 0; k < size; k++) {
                int index = e.bigEndian ? i * size + k : i * size + size - 1 - k;
                raw = (raw << 8) | (b[index] & 0xFF);
            }
            values[i] = switch (e.vr) {
                case US -> raw;
                case SS -> (short) raw;
                case UL -> raw & 0xFFFFFFFFL;
                case SL -> (int) raw;
                case FL -> Float.intBitsToFloat((int) raw);
                default -> Double.longBitsToDouble(raw);
            };
        }
        return values;
    }

    private ImageIoException malformed(int tag, String problem) {
        return new ImageIoException(source, "attribute " + DicomTags.format(tag) + " " + problem);
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == 0)) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Keeps messages on one readable line whatever bytes a damaged file holds (64 characters: a whole UID). */
    static String printable(String s) {
        String shown = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        return shown.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
