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
import org.organdose.image.Geometry;
import org.organdose.image.Volume;
import org.organdose.image.io.VoxelInput.Compression;

/**
 * Reads MetaImage (ITK) images: {@code .mha} with the data after the header
 * ({@code ElementDataFile = LOCAL}) or {@code .mhd} naming one data file relative to the header;
 * zlib-compressed ({@code CompressedData = True}) or not, either byte order, scalar element types
 * MET_UCHAR to MET_DOUBLE.
 *
 * <p>MetaImage coordinates are LPS, as in ITK. Geometry comes from {@code Offset} (or its
 * synonyms {@code Position}, {@code Origin}), {@code ElementSpacing} and {@code TransformMatrix}
 * (or {@code Rotation}, {@code Orientation}). ITK lists that matrix row by row as the transpose of
 * its direction matrix: the first three values are the direction of index axis i, the next three
 * of j, the last three of k. {@code AnatomicalOrientation} is ignored, as ITK ignores it on read:
 * it only restates the matrix, and tools disagree on its letters. A 4th dimension of size 1 is
 * dropped. {@code Modality} (MET_MOD_CT, ...) gives the modality, {@code Comment} the description.
 */
public final class MetaImageReader {
    private MetaImageReader() {
    }

    public static MedicalImage read(Path file) throws ImageIoException {
        long fileBytes = VoxelInput.fileSize(file);
        TextHeader.Lines header = TextHeader.read(file, line -> key(line).equals("elementdatafile"));
        Map<String, String> fields = new HashMap<>();
        for (String line : header.lines()) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ImageIoException(file, "not a MetaImage header: line '" + TextHeader.abbreviated(line) + "' has no '='");
            }
            fields.put(key(line), line.substring(eq + 1).trim());
        }
        if (!fields.containsKey("ndims") || !fields.containsKey("dimsize") || !fields.containsKey("elementtype")) {
            throw new ImageIoException(file, "not a MetaImage header (NDims, DimSize or ElementType missing)");
        }
        if (header.atEndOfFile()) {
            throw new ImageIoException(file, "MetaImage header has no ElementDataFile line");
        }
        return new Header(file, fields).read(fileBytes, header.dataOffset());
    }

    private static String key(String line) {
        int eq = line.indexOf('=');
        return (eq < 0 ? line : line.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
    }

    private static final class Header {
        private final Path file;
        private final Map<String, String> fields;
        private final List<String> warnings = new ArrayList<>();

        Header(Path file, Map<String, String> fields) {
            this.file = file;
            this.fields = fields;
        }

        private String first(String... names) {
            for (String n : names) {
                if (fields.containsKey(n)) {
                    return fields.get(n);
                }
            }
            return null;
        }

        private boolean flag(String... names) throws ImageIoException {
            String v = first(names);
            if (v == null) {
                return false;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw new ImageIoException(file, names[0] + " '" + TextHeader.abbreviated(v) + "' is not True or False");
            };
        }

        MedicalImage read(long fileBytes, long headerBytes) throws ImageIoException {
            long nDims = TextHeader.integer(file, "NDims", fields.get("ndims"));
            if (nDims != 3 && nDims != 4) {
                throw new ImageIoException(file, "NDims " + nDims + ": only 3D images are read");
            }
            int n = (int) nDims;
            double[] dimSize = TextHeader.finiteNumbers(file, "DimSize", fields.get("dimsize"), n);
            int[] size = new int[3];
            long count = 1;
            for (int a = 0; a < n; a++) {
                if (dimSize[a] < 1 || dimSize[a] != Math.rint(dimSize[a]) || dimSize[a] > Integer.MAX_VALUE) {
                    throw new ImageIoException(file, "DimSize of axis " + a + " is " + dimSize[a]);
                }
                if (a < 3) {
                    size[a] = (int) dimSize[a];
                    count *= size[a];
                } else if (dimSize[a] != 1) {
                    throw new ImageIoException(file, "4th dimension of size " + (long) dimSize[a] + ": only 3D images are read");
                }
            }
            if (count > Integer.MAX_VALUE - 8) {
                throw new ImageIoException(file, "image of " + size[0] + "x" + size[1] + "x" + size[2] + " voxels is too large");
            }
            String channels = fields.get("elementnumberofchannels");
            if (channels != null && TextHeader.integer(file, "ElementNumberOfChannels", channels) != 1) {
                throw new ImageIoException(file, "ElementNumberOfChannels " + channels + ": only scalar images are read");
            }
            Geometry geometry = geometry(size, n);
            float[] voxels = voxels(sampleType(fields.get("elementtype")), (int) count, fileBytes, headerBytes);
            ImageMetadata metadata = new ImageMetadata(modality(), "", "", fields.getOrDefault("comment", ""), warnings);
            return new MedicalImage(new Volume(geometry, voxels), metadata);
        }

        private Geometry geometry(int[] size, int n) throws ImageIoException {
            String spacingText = first("elementspacing", "elementsize");
            double[] spacing = spacingText == null ? new double[] {1, 1, 1, 1}
                    : TextHeader.finiteNumbers(file, "ElementSpacing", spacingText, n);
            String offsetText = first("offset", "position", "origin");
            double[] origin = offsetText == null ? new double[n] : TextHeader.finiteNumbers(file, "Offset", offsetText, n);
            String matrixText = first("transformmatrix", "rotation", "orientation");
            double[] t = new double[n * n];
            if (matrixText == null) {
                for (int axis = 0; axis < n; axis++) {
                    t[n * axis + axis] = 1;
                }
            } else {
                t = TextHeader.finiteNumbers(file, "TransformMatrix", matrixText, n * n);
            }
            // row ii of the file's matrix is the direction of index axis ii: column ii of ours
            double[] matrix = new double[9];
            for (int axis = 0; axis < 3; axis++) {
                for (int r = 0; r < 3; r++) {
                    matrix[3 * r + axis] = t[n * axis + r] * spacing[axis];
                }
            }
            return AffineGeometry.of(file, size, matrix, new double[] {origin[0], origin[1], origin[2]}, "TransformMatrix and ElementSpacing");
        }

        private SampleType sampleType(String name) throws ImageIoException {
            return switch (name.toUpperCase(Locale.ROOT)) {
                case "MET_UCHAR" -> SampleType.UINT8;
                case "MET_CHAR" -> SampleType.INT8;
                case "MET_SHORT" -> SampleType.INT16;
                case "MET_USHORT" -> SampleType.UINT16;
                case "MET_INT", "MET_LONG" -> SampleType.INT32;
                case "MET_UINT", "MET_ULONG" -> SampleType.UINT32;
                case "MET_LONG_LONG" -> SampleType.INT64;
                case "MET_ULONG_LONG" -> SampleType.UINT64;
                case "MET_FLOAT" -> SampleType.FLOAT32;
                case "MET_DOUBLE" -> SampleType.FLOAT64;
                default -> throw new ImageIoException(file, "unsupported ElementType '" + TextHeader.abbreviated(name) + "'");
            };
        }

        private String modality() {
            String m = fields.getOrDefault("modality", "").toUpperCase(Locale.ROOT);
            return switch (m) {
                case "MET_MOD_CT" -> "CT";
                case "MET_MOD_MR" -> "MR";
                case "MET_MOD_NM" -> "NM";
                case "MET_MOD_US" -> "US";
                default -> "unknown";
            };
        }

        private float[] voxels(SampleType type, int count, long headerFileBytes, long headerBytes) throws ImageIoException {
            boolean compressed = flag("compresseddata");
            boolean binary = !fields.containsKey("binarydata") || flag("binarydata");
            ByteOrder order = flag("binarydatabyteordermsb", "elementbyteordermsb") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            String dataFile = fields.get("elementdatafile");
            Path data = file;
            long start = headerBytes;
            long stored = headerFileBytes - headerBytes;
            if (!dataFile.equalsIgnoreCase("LOCAL")) {
                if (dataFile.toUpperCase(Locale.ROOT).startsWith("LIST") || dataFile.contains("%")) {
                    throw new ImageIoException(file, "MetaImage data split over several files is not supported");
                }
                data = VoxelInput.dataFile(file, dataFile);
                long dataBytes = VoxelInput.fileSize(data);
                long headerSize = fields.containsKey("headersize") ? TextHeader.integer(file, "HeaderSize", fields.get("headersize")) : 0;
                if (headerSize < -1 || headerSize > dataBytes || (headerSize == -1 && (compressed || !binary))) {
                    throw new ImageIoException(file, "invalid HeaderSize " + headerSize);
                }
                long needed = (long) count * type.bytes();
                start = headerSize == -1 ? dataBytes - needed : headerSize;
                stored = dataBytes - start;
                if (start < 0) {
                    VoxelInput.requireRoom(data, needed, dataBytes, Compression.NONE);
                }
            }
            if (compressed && fields.containsKey("compresseddatasize")) {
                long declared = TextHeader.integer(file, "CompressedDataSize", fields.get("compresseddatasize"));
                if (declared < 0 || declared > stored) {
                    throw new ImageIoException(data, "file too short: CompressedDataSize " + declared + " but " + stored + " bytes are there");
                }
                stored = declared;
            }
            Compression compression = compressed ? Compression.ZLIB : Compression.NONE;
            try (InputStream raw = VoxelInput.open(data)) {
                VoxelInput.skip(data, raw, start);
                if (!binary) {
                    VoxelInput.requireRoom(data, 2L * count - 1, stored, Compression.NONE);
                    return VoxelInput.readTextSamples(data, raw, count);
                }
                VoxelInput.requireRoom(data, (long) count * type.bytes(), stored, compression);
                return VoxelInput.readSamples(data, VoxelInput.decompressing(data, raw, compression), type, order, count);
            } catch (ImageIoException e) {
                throw e;
            } catch (IOException e) {
                throw new ImageIoException(data, "cannot read: " + e.getMessage(), e);
            }
        }
    }
}
