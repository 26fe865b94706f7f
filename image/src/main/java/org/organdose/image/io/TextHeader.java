package org.organdose.image.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The text header of NRRD, MetaImage and Interfile files: lines read from the start of a file up
 * to a format-specific last line, with the byte offset where attached data begin. Headers are
 * bounded (1 MiB) so that a binary file given by mistake is refused quickly. Also the number
 * parsing these headers share, with errors that name the field.
 */
final class TextHeader {
    static final int MAX_BYTES = 1 << 20;

    /**
     * @param lines      the header lines without line terminators
     * @param dataOffset byte offset just after the last header line
     * @param atEndOfFile true when the file ended before a last line was seen
     */
    record Lines(List<String> lines, long dataOffset, boolean atEndOfFile) {
    }

    private TextHeader() {
    }

    /** Reads lines until {@code isLast} accepts one (that line is kept) or the file ends. */
    static Lines read(Path file, Predicate<String> isLast) throws ImageIoException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long offset = 0;
        try (InputStream in = VoxelInput.open(file)) {
            int c;
            while ((c = in.read()) >= 0) {
                offset++;
                if (offset > MAX_BYTES) {
                    throw new ImageIoException(file, "no end of header within the first " + MAX_BYTES + " bytes");
                }
                if (c != '\n') {
                    line.write(c);
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                lines.add(text);
                line.reset();
                if (isLast.test(text)) {
                    return new Lines(lines, offset, false);
                }
            }
        } catch (ImageIoException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot read: " + e.getMessage(), e);
        }
        if (line.size() > 0) {
            lines.add(line.toString(StandardCharsets.ISO_8859_1).stripTrailing());
        }
        return new Lines(lines, offset, true);
    }

    static double number(Path file, String field, String text) throws ImageIoException {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new ImageIoException(file, field + " '" + abbreviated(text) + "' is not a number");
        }
    }

    static double finiteNumber(Path file, String field, String text) throws ImageIoException {
        double v = number(file, field, text);
        if (!Double.isFinite(v)) {
            throw new ImageIoException(file, field + " is " + v);
        }
        return v;
    }

    static long integer(Path file, String field, String text) throws ImageIoException {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ImageIoException(file, field + " '" + abbreviated(text) + "' is not an integer");
        }
    }

    /** Exactly {@code count} finite numbers separated by white space (or commas). */
    static double[] finiteNumbers(Path file, String field, String text, int count) throws ImageIoException {
        String[] parts = text.trim().split("[\\s,]+");
        if (parts.length != count || text.isBlank()) {
            throw new ImageIoException(file, field + " needs " + count + " numbers, got '" + abbreviated(text) + "'");
        }
        double[] out = new double[count];
        for (int n = 0; n < count; n++) {
            out[n] = finiteNumber(file, field, parts[n]);
        }
        return out;
    }

    /** A header value quoted in an error message, cut short so the message stays one readable line. */
    static String abbreviated(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
    }
}
