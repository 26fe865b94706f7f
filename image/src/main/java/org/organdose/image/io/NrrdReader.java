package org.organdose.image.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.organdose.image.Geometry;
import org.organdose.image.Volume;
import org.organdose.image.io.VoxelInput.Compression;

/**
 * Reads NRRD images: attached ({@code .nrrd}) or detached ({@code .nhdr} naming one data file,
 * relative to the header), encodings raw, gzip and ascii, any scalar type with its aliases
 * (uchar, short, unsigned short, int16_t, float, ...), either endianness.
 *
 * <p>The image must be 3D: a 4th axis of size 1 that is not spatial (no space direction, or a
 * kind such as list or vector) is dropped. Geometry comes from {@code space directions} and
 * {@code space origin} in the declared {@code space}: left-posterior-superior as is,
 * right-anterior-superior and left-anterior-superior flipped to LPS; scanner-xyz and
 * 3D-right-handed, which name no patient axes, are taken as LPS (as ITK does) with a warning.
 * Without space directions the {@code spacings} give an axis-aligned grid at the origin, with a
 * warning that the orientation is unknown. {@code space units} of m, cm or microns are scaled
 * to mm. The description is the {@code content} field; the modality is "unknown".
 */
public final class NrrdReader {
    private static final Pattern VECTOR = Pattern.compile("\\(([^)]*)\\)|none");

    private NrrdReader() {
    }

    public static MedicalImage read(Path file) throws ImageIoException {
        long fileBytes = VoxelInput.fileSize(file);
        TextHeader.Lines header = TextHeader.read(file, String::isEmpty);
        List<String> lines = header.lines();
        if (lines.isEmpty() || !lines.get(0).matches("NRRD000[1-9]")) {
            throw new ImageIoException(file, "not a NRRD file (no NRRD000x magic line)");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            int keyValue = line.indexOf(":=");
            if (keyValue >= 0 && (colon < 0 || keyValue < colon)) {
                continue; // key/value pairs carry nothing we use
            }
            if (colon < 0) {
                throw new ImageIoException(file, "malformed header line '" + TextHeader.abbreviated(line) + "'");
            }
            fields.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 2).trim());
        }
        return new Header(file, fields).read(fileBytes, header);
    }

    private static final class Header {
        private final Path file;
        private final Map<String, String> fields;
        private final List<String> warnings = new ArrayList<>();

        Header(Path file, Map<String, String> fields) {
            this.file = file;
            this.fields = fields;
        }

        private String required(String name) throws ImageIoException {
            String v = fields.get(name);
            if (v == null) {
                throw new ImageIoException(file, "NRRD header has no '" + name + "' field");
            }
            return v;
        }

        MedicalImage read(long fileBytes, TextHeader.Lines header) throws ImageIoException {
            SampleType type = sampleType(required("type"));
            long dimension = TextHeader.integer(file, "dimension", required("dimension"));
            if (dimension < 1 || dimension > 16) {
                throw new ImageIoException(file, "dimension " + dimension + " is not 1 to 16");
            }
            int d = (int) dimension;
            String[] sizeText = required("sizes").split("\\s+");
            if (sizeText.length != d) {
                throw new ImageIoException(file, "sizes lists " + sizeText.length + " values for dimension " + d);
            }
            long[] sizes = new long[d];
            for (int a = 0; a < d; a++) {
                sizes[a] = TextHeader.integer(file, "sizes", sizeText[a]);
                if (sizes[a] < 1 || sizes[a] > Integer.MAX_VALUE) {
                    throw new ImageIoException(file, "size of axis " + a + " is " + sizes[a]);
                }
            }
            double[][] directions = directions(d);
            int[] spatial = spatialAxes(d, sizes, directions);
            int[] size = new int[3];
            long count = 1;
            for (int n = 0; n < 3; n++) {
                size[n] = (int) sizes[spatial[n]];
                count *= size[n];
                if (count > Integer.MAX_VALUE - 8) {
                    throw new ImageIoException(file, "image of " + sizes[spatial[0]] + "x" + sizes[spatial[1]] + "x"
                            + sizes[spatial[2]] + " voxels is too large");
                }
            }
            Geometry geometry = geometry(size, spatial, directions);
            float[] voxels = voxels(type, (int) count, fileBytes, header);
            String description = fields.getOrDefault("content", "");
            return new MedicalImage(new Volume(geometry, voxels), new ImageMetadata("unknown", "", "", description, warnings));
        }

        private SampleType sampleType(String name) throws ImageIoException {
            return switch (name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")) {
                case "signed char", "char", "int8", "int8_t" -> SampleType.INT8;
                case "uchar", "unsigned char", "uint8", "uint8_t" -> SampleType.UINT8;
                case "short", "short int", "signed short", "signed short int", "int16", "int16_t" -> SampleType.INT16;
                case "ushort", "unsigned short", "unsigned short int", "uint16", "uint16_t" -> SampleType.UINT16;
                case "int", "signed int", "int32", "int32_t" -> SampleType.INT32;
                case "uint", "unsigned int", "uint32", "uint32_t" -> SampleType.UINT32;
                case "longlong", "long long", "long long int", "signed long long", "signed long long int", "int64",
                     "int64_t" -> SampleType.INT64;
                case "ulonglong", "unsigned long long", "unsigned long long int", "uint64", "uint64_t" -> SampleType.UINT64;
                case "float" -> SampleType.FLOAT32;
                case "double" -> SampleType.FLOAT64;
                default -> throw new ImageIoException(file, "unsupported NRRD type '" + TextHeader.abbreviated(name) + "'");
            };
        }

        /** Per-axis direction vectors (space coordinates), null entries for "none"; null when absent. */
        private double[][] directions(int d) throws ImageIoException {
            String text = fields.get("space directions");
            if (text == null) {
                return null;
            }
            double[][] out = new double[d][];
            Matcher m = VECTOR.matcher(text);
            int a = 0;
            while (m.find()) {
                if (a == d) {
                    throw new ImageIoException(file, "space directions lists more than " + d + " axes");
                }
                out[a++] = m.group(1) == null ? null : TextHeader.finiteNumbers(file, "space directions", m.group(1), 3);
            }
            if (a != d) {
                throw new ImageIoException(file, "space directions lists " + a + " axes for dimension " + d);
            }
            return out;
        }

        /**
         * The three spatial axes: those with a space direction, else those whose kind is spatial,
         * else all; other axes must have size 1 (a scalar image with a list or vector axis of one).
         */
        private int[] spatialAxes(int d, long[] sizes, double[][] directions) throws ImageIoException {
            String[] kinds = fields.containsKey("kinds") ? fields.get("kinds").split("\\s+") : null;
            List<Integer> spatial = new ArrayList<>();
            for (int a = 0; a < d; a++) {
                boolean isSpatial;
                if (directions != null) {
                    isSpatial = directions[a] != null;
                } else if (kinds != null && kinds.length == d) {
                    isSpatial = kinds[a].equalsIgnoreCase("domain") || kinds[a].equalsIgnoreCase("space");
                } else {
                    isSpatial = true;
                }
                if (isSpatial) {
                    spatial.add(a);
                }
            }
            while (spatial.size() > 3 && sizes[spatial.get(0)] == 1) {
                spatial.remove(0); // no way to tell: a leading axis of one is taken as a list axis
            }
            if (spatial.size() != 3) {
                throw new ImageIoException(file, "image has " + spatial.size() + " spatial axes: only 3D images are read");
            }
            for (int a = 0; a < d; a++) {
                if (!spatial.contains(a) && sizes[a] != 1) {
                    throw new ImageIoException(file, "axis " + a + " of size " + sizes[a]
                            + " is not spatial: only scalar 3D images are read");
                }
            }
            return spatial.stream().mapToInt(Integer::intValue).toArray();
        }

        private Geometry geometry(int[] size, int[] spatial, double[][] directions) throws ImageIoException {
            double unit = units();
            if (directions == null) {
                warnings.add("no space directions: orientation unknown, index axes taken as the LPS axes");
                double[] spacing = {1, 1, 1};
                String text = fields.get("spacings");
                if (text != null) {
                    String[] parts = text.trim().split("\\s+");
                    for (int n = 0; n < 3; n++) {
                        double s = spatial[n] < parts.length ? TextHeader.number(file, "spacings", parts[spatial[n]]) : Double.NaN;
                        if (!(s > 0) || !Double.isFinite(s)) {
                            throw new ImageIoException(file, "spacing of axis " + spatial[n] + " is " + s);
                        }
                        spacing[n] = s * unit;
                    }
                } else {
                    warnings.add("no spacings: 1 mm voxels assumed");
                }
                double[] m = {spacing[0], 0, 0, 0, spacing[1], 0, 0, 0, spacing[2]};
                return AffineGeometry.of(file, size, m, new double[3], "spacings");
            }
            double[] toLps = spaceToLps();
            double[] m = new double[9];
            for (int n = 0; n < 3; n++) {
                double[] v = directions[spatial[n]];
                for (int r = 0; r < 3; r++) {
                    m[3 * r + n] = toLps[r] * v[r] * unit;
                }
            }
            double[] origin = new double[3];
            String originText = fields.get("space origin");
            if (originText == null) {
                warnings.add("no space origin: the first voxel is placed at (0, 0, 0)");
            } else {
                Matcher om = VECTOR.matcher(originText);
                if (!om.find() || om.group(1) == null) {
                    throw new ImageIoException(file, "space origin '" + TextHeader.abbreviated(originText) + "' is not a vector");
                }
                double[] o = TextHeader.finiteNumbers(file, "space origin", om.group(1), 3);
                for (int r = 0; r < 3; r++) {
                    origin[r] = toLps[r] * o[r] * unit;
                }
            }
            return AffineGeometry.of(file, size, m, origin, "space directions");
        }

        /** Signs that take the file's space to LPS, axis by axis. */
        private double[] spaceToLps() throws ImageIoException {
            String space = fields.get("space");
            if (space == null) {
                String dim = fields.get("space dimension");
                if (dim == null || !dim.trim().equals("3")) {
                    throw new ImageIoException(file, "space directions need a 3D space ('space' or 'space dimension: 3')");
                }
                warnings.add("no named space: coordinates taken as LPS");
                return new double[] {1, 1, 1};
            }
            return switch (space.toLowerCase(Locale.ROOT)) {
                case "left-posterior-superior", "lps" -> new double[] {1, 1, 1};
                case "right-anterior-superior", "ras" -> new double[] {-1, -1, 1};
                case "left-anterior-superior", "las" -> new double[] {1, -1, 1};
                case "scanner-xyz", "3d-right-handed" -> {
                    warnings.add("space '" + space + "' names no patient axes: coordinates taken as LPS");
                    yield new double[] {1, 1, 1};
                }
                default -> throw new ImageIoException(file, "unsupported NRRD space '" + TextHeader.abbreviated(space) + "'");
            };
        }

        private double units() throws ImageIoException {
            String text = fields.get("space units");
            if (text == null) {
                return 1;
            }
            double unit = 0;
            for (String u : text.replace("\"", " ").trim().split("\\s+")) {
                double scale = switch (u.toLowerCase(Locale.ROOT)) {
                    case "mm", "" -> 1;
                    case "m" -> 1000;
                    case "cm" -> 10;
                    case "um", "micron", "microns" -> 0.001;
                    default -> throw new ImageIoException(file, "unsupported space unit '" + TextHeader.abbreviated(u) + "'");
                };
                if (unit != 0 && scale != unit) {
                    throw new ImageIoException(file, "space units differ between axes: " + TextHeader.abbreviated(text));
                }
                unit = scale;
            }
            return unit == 0 ? 1 : unit;
        }

        private float[] voxels(SampleType type, int count, long headerFileBytes, TextHeader.Lines header)
                throws ImageIoException {
            String encoding = required("encoding").toLowerCase(Locale.ROOT);
            Compression compression = switch (encoding) {
                case "raw", "ascii", "text", "txt" -> Compression.NONE;
                case "gzip", "gz" -> Compression.GZIP;
                default -> throw new ImageIoException(file, "unsupported NRRD encoding '" + TextHeader.abbreviated(encoding) + "'");
            };
            boolean ascii = encoding.equals("ascii") || encoding.equals("text") || encoding.equals("txt");
            ByteOrder order = ByteOrder.LITTLE_ENDIAN;
            if (type.bytes() > 1 && !ascii) {
                order = switch (required("endian").toLowerCase(Locale.ROOT)) {
                    case "little" -> ByteOrder.LITTLE_ENDIAN;
                    case "big" -> ByteOrder.BIG_ENDIAN;
                    default -> throw new ImageIoException(file, "endian must be little or big");
                };
            }
            Path data = file;
            long start = header.dataOffset();
            long dataBytes = headerFileBytes;
            String dataFile = fields.containsKey("data file") ? fields.get("data file") : fields.get("datafile");
            if (dataFile != null) {
                if (dataFile.startsWith("LIST") || dataFile.contains("%")) {
                    throw new ImageIoException(file, "NRRD data split over several files is not supported");
                }
                data = VoxelInput.dataFile(file, dataFile);
                start = 0;
                dataBytes = VoxelInput.fileSize(data);
            } else if (header.atEndOfFile()) {
                throw new ImageIoException(file, "header ends without a blank line and names no data file");
            }
            long lineSkip = fields.containsKey("line skip") ? TextHeader.integer(file, "line skip", fields.get("line skip")) : 0;
            long byteSkip = fields.containsKey("byte skip") ? TextHeader.integer(file, "byte skip", fields.get("byte skip")) : 0;
            if (lineSkip < 0 || byteSkip < -1 || (byteSkip == -1 && (compression != Compression.NONE || ascii))) {
                throw new ImageIoException(file, "invalid line skip " + lineSkip + " or byte skip " + byteSkip);
            }
            long needed = (long) count * type.bytes();
            try (InputStream raw = VoxelInput.open(data)) {
                VoxelInput.skip(data, raw, start);
                long skippedLines = skipLines(data, raw, lineSkip);
                long stored = dataBytes - start - skippedLines;
                if (ascii) {
                    // every number takes a digit and a separator
                    VoxelInput.requireRoom(data, 2L * count - 1, stored, Compression.NONE);
                    return VoxelInput.readTextSamples(data, raw, count);
                }
                if (byteSkip == -1) {
                    VoxelInput.requireRoom(data, needed, stored, Compression.NONE);
                    byteSkip = stored - needed;
                }
                VoxelInput.requireRoom(data, needed + byteSkip, stored, compression);
                InputStream in = VoxelInput.decompressing(data, raw, compression);
                VoxelInput.skip(data, in, byteSkip);
                return VoxelInput.readSamples(data, in, type, order, count);
            } catch (ImageIoException e) {
                throw e;
            } catch (IOException e) {
                throw new ImageIoException(data, "cannot read: " + e.getMessage(), e);
            }
        }

        /** Skips whole lines, returning the bytes skipped. */
        private static long skipLines(Path data, InputStream in, long lines) throws IOException, ImageIoException {
            long bytes = 0;
            for (long n = 0; n < lines; n++) {
                int c;
                while ((c = in.read()) != '\n') {
                    if (c < 0) {
                        throw new ImageIoException(data, "file ends within the " + lines + " lines to skip");
                    }
                    bytes++;
                }
                bytes++;
            }
            return bytes;
        }
    }
}
