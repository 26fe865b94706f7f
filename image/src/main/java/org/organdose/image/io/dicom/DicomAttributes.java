package org.organdose.image.io.dicom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.organdose.image.io.ImageIoException;

/**
 * The attributes of a DICOM dataset (or of one sequence item), with typed getters. Text values
 * holding several values are split on backslashes. Getters that interpret numbers throw an
 * {@link ImageIoException} naming the source file and the tag when a value is malformed.
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
