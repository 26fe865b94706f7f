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
 * Reads Interfile 3.3 images ({@code .h33}, {@code .hv}: a text header of {@code key := value}
 * lines naming a raw data file, e.g. {@code .i33}, relative to the header), as written by GATE,
 * STIR and nuclear medicine systems. Keys are matched ignoring case, spaces and the {@code !}
 * and {@code %} prefixes; {@code ;} starts a comment.
 *
 * <p>Voxels: {@code number format} (unsigned integer, signed integer, short float / float, long
 * float) with {@code number of bytes per pixel}, {@code imagedata byte order} (BIGENDIAN when
 * absent, as the standard says), {@code data offset in bytes} or {@code data starting block}.
 * Values are scaled by {@code data rescale slope} and {@code image scaling factor[1]}, then
 * {@code data rescale offset} is added. A non-numeric {@code quantification units} becomes the
 * units; a number other than 1 there is reported, not applied, since writers disagree on it.
 *
 * <p>Geometry: sizes from {@code matrix size [1..3]} (the slice count from
 * {@code total number of images} or {@code number of images/energy window} when [3] is absent),
 * spacing from {@code scaling factor (mm/pixel) [1..3]} (else {@code slice thickness (pixels)} or
 * {@code centre-centre slice separation (pixels)} in units of [1]). Interfile 3.3 has no
 * orientation matrix, so the grid is axis-aligned and this reader <b>assumes</b> that index axes
 * i (columns), j (rows) and k (slices) run along LPS +x (towards patient left), +y (posterior)
 * and +z (superior). That is GATE's frame when its world X, Y, Z are the CT's x, y and table
 * axis, as for voxelised phantoms built from DICOM CT; systems that store images another way
 * need a reorientation the header cannot express. {@code patient orientation} and
 * {@code patient rotation} other than head_in and supine are therefore only reported as warnings.
 * {@code first pixel offset (mm) [1..3]} (written by GATE and STIR) is the centre of voxel 0;
 * without it the grid is centred on (0, 0, 0), GATE's and STIR's default, with a warning.
 * Modality is "NM" ("PT" when the header says PET); one 3D image per file (several time frames
 * or energy windows are refused).
 */
public final class InterfileReader {
    private InterfileReader() {
    }

    public static MedicalImage read(Path file) throws ImageIoException {
        TextHeader.Lines header = TextHeader.read(file, line -> key(line).equals("endofinterfile"));
        Map<String, String> fields = new HashMap<>();
        boolean first = true;
        for (String line : header.lines()) {
            String content = line.contains(";") ? line.substring(0, line.indexOf(';')) : line;
            if (content.isBlank()) {
                continue;
            }
            int sep = content.indexOf(":=");
            if (first && (sep < 0 || !key(content).equals("interfile"))) {
                throw new ImageIoException(file, "not an Interfile header (no INTERFILE := first line)");
            }
            first = false;
            if (sep >= 0) {
                fields.put(key(content), content.substring(sep + 2).trim());
            }
        }
        if (first) {
            throw new ImageIoException(file, "not an Interfile header (empty)");
        }
        return new Header(file, fields).read();
    }

    /** Keys compared without case, white space or the '!' and '%' markers. */
    private static String key(String line) {
        int sep = line.indexOf(":=");
        String k = sep < 0 ? line : line.substring(0, sep);
        return k.replaceAll("[\\s!%]", "").toLowerCase(Locale.ROOT);
    }

    private static final class Header {
        private final Path file;
        private final Map<String, String> fields;
        private final List<String> warnings = new ArrayList<>();

        Header(Path file, Map<String, String> fields) {
            this.file = file;
            this.fields = fields;
        }

        private String first(String... keys) {
            for (String k : keys) {
                String v = fields.get(k);
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
            return null;
        }

        private String required(String label, String... keys) throws ImageIoException {
            String v = first(keys);
            if (v == null) {
                throw new ImageIoException(file, "Interfile header has no '" + label + "'");
            }
            return v;
        }

        private double number(String label, double fallback, String... keys) throws ImageIoException {
            String v = first(keys);
            return v == null ? fallback : TextHeader.finiteNumber(file, label, v);
        }

        MedicalImage read() throws ImageIoException {
            refuseSeries("number of time frames", "numberoftimeframes");
            refuseSeries("number of energy windows", "numberofenergywindows");
            int[] size = new int[3];
            size[0] = positiveInt("matrix size [1]", required("matrix size [1]", "matrixsize[1]"));
            size[1] = positiveInt("matrix size [2]", required("matrix size [2]", "matrixsize[2]"));
            size[2] = positiveInt("matrix size [3]", required("matrix size [3] or total number of images",
                    "matrixsize[3]", "numberofimages/energywindow", "totalnumberofimages", "numberofslices"));
            long count = (long) size[0] * size[1] * size[2];
            if (count > Integer.MAX_VALUE - 8) {
                throw new ImageIoException(file, "image of " + size[0] + "x" + size[1] + "x" + size[2] + " voxels is too large");
            }
            Geometry geometry = geometry(size);
            float[] voxels = voxels((int) count);
            double slope = number("data rescale slope", 1, "datarescaleslope") * number("image scaling factor", 1,
                    "imagescalingfactor[1]", "imagescalingfactor");
            double offset = number("data rescale offset", 0, "datarescaleoffset");
            if (slope != 1 || offset != 0) {
                for (int p = 0; p < voxels.length; p++) {
                    voxels[p] = (float) (voxels[p] * slope + offset);
                }
            }
            String units = "";
            String quantification = first("quantificationunits");
            if (quantification != null) {
                try {
                    if (Double.parseDouble(quantification) != 1) {
                        warnings.add("quantification units " + quantification + " not applied to the values");
                    }
                } catch (NumberFormatException e) {
                    units = quantification;
                }
            }
            for (String[] expected : new String[][] {{"patientorientation", "head_in"}, {"patientrotation", "supine"}}) {
                String v = first(expected[0]);
                if (v != null && !v.equalsIgnoreCase(expected[1])) {
                    warnings.add(expected[0].replace("patient", "patient ") + " is " + v
                            + ": not applied, the grid is read as if " + expected[1]);
                }
            }
            String kind = (fields.getOrDefault("imagingmodality", "") + " " + fields.getOrDefault("typeofdata", ""))
                    .toUpperCase(Locale.ROOT);
            String modality = kind.contains("PET") ? "PT" : "NM";
            ImageMetadata metadata = new ImageMetadata(modality, units, "", "", warnings);
            return new MedicalImage(new Volume(geometry, voxels), metadata);
        }

        private void refuseSeries(String label, String key) throws ImageIoException {
            String v = first(key);
            if (v != null && TextHeader.finiteNumber(file, label, v) > 1) {
                throw new ImageIoException(file, label + " is " + v + ": only one 3D image per file is read");
            }
        }

        private int positiveInt(String label, String text) throws ImageIoException {
            long v = TextHeader.integer(file, label, text);
            if (v < 1 || v > Integer.MAX_VALUE) {
                throw new ImageIoException(file, label + " is " + v);
            }
            return (int) v;
        }

        private Geometry geometry(int[] size) throws ImageIoException {
            double[] spacing = new double[3];
            spacing[0] = number("scaling factor (mm/pixel) [1]", Double.NaN, "scalingfactor(mm/pixel)[1]");
            spacing[1] = number("scaling factor (mm/pixel) [2]", Double.NaN, "scalingfactor(mm/pixel)[2]");
            spacing[2] = number("scaling factor (mm/pixel) [3]", Double.NaN, "scalingfactor(mm/pixel)[3]");
            if (Double.isNaN(spacing[2])) {
                double pixels = number("slice thickness (pixels)", Double.NaN, "slicethickness(pixels)",
                        "centre-centresliceseparation(pixels)");
                spacing[2] = pixels * spacing[0];
                if (Double.isNaN(spacing[2])) {
                    throw new ImageIoException(file, "Interfile header gives no slice spacing");
                }
            }
            for (int a = 0; a < 3; a++) {
                if (!(spacing[a] > 0)) {
                    throw new ImageIoException(file, "voxel size along axis " + (a + 1) + " is " + spacing[a] + " mm");
                }
            }
            double[] origin = new double[3];
            boolean hasOffset = false;
            for (int a = 0; a < 3; a++) {
                String v = first("firstpixeloffset(mm)[" + (a + 1) + "]");
                if (v != null) {
                    origin[a] = TextHeader.finiteNumber(file, "first pixel offset (mm) [" + (a + 1) + "]", v);
                    hasOffset = true;
                } else {
                    origin[a] = -(size[a] - 1) * spacing[a] / 2;
                }
            }
            if (!hasOffset) {
                warnings.add("no first pixel offset: the grid is centred on (0, 0, 0)");
            }
            warnings.add("Interfile has no orientation: index axes taken as the LPS x, y, z axes");
            double[] m = {spacing[0], 0, 0, 0, spacing[1], 0, 0, 0, spacing[2]};
            return AffineGeometry.of(file, size, m, origin, "scaling factors");
        }

        private float[] voxels(int count) throws ImageIoException {
            String dataName = required("name of data file", "nameofdatafile").replace("\"", "").trim();
            Path data = VoxelInput.dataFile(file, dataName);
            SampleType type = sampleType();
            ByteOrder order = switch (fields.getOrDefault("imagedatabyteorder", "BIGENDIAN").toUpperCase(Locale.ROOT)) {
                case "LITTLEENDIAN" -> ByteOrder.LITTLE_ENDIAN;
                case "BIGENDIAN" -> ByteOrder.BIG_ENDIAN;
                default -> throw new ImageIoException(file, "imagedata byte order must be LITTLEENDIAN or BIGENDIAN");
            };
            double offset = number("data offset in bytes", Double.NaN, "dataoffsetinbytes", "dataoffsetinbytes[1]");
            if (Double.isNaN(offset)) {
                offset = 2048 * number("data starting block", 0, "datastartingblock");
            }
            if (offset < 0 || offset != Math.rint(offset)) {
                throw new ImageIoException(file, "data offset " + offset + " is not a byte position");
            }
            long dataBytes = VoxelInput.fileSize(data);
            VoxelInput.requireRoom(data, (long) offset + (long) count * type.bytes(), dataBytes, Compression.NONE);
            try (InputStream in = VoxelInput.open(data)) {
                VoxelInput.skip(data, in, (long) offset);
                return VoxelInput.readSamples(data, in, type, order, count);
            } catch (ImageIoException e) {
                throw e;
            } catch (IOException e) {
                throw new ImageIoException(data, "cannot read: " + e.getMessage(), e);
            }
        }

        private SampleType sampleType() throws ImageIoException {
            String format = required("number format", "numberformat").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            String bytesText = first("numberofbytesperpixel");
            long bytes = bytesText == null ? -1 : TextHeader.integer(file, "number of bytes per pixel", bytesText);
            SampleType type = switch (format) {
                case "unsigned integer" -> bytes == 1 ? SampleType.UINT8 : bytes == 2 ? SampleType.UINT16
                        : bytes == 4 ? SampleType.UINT32 : bytes == 8 ? SampleType.UINT64 : null;
                case "signed integer" -> bytes == 1 ? SampleType.INT8 : bytes == 2 ? SampleType.INT16
                        : bytes == 4 ? SampleType.INT32 : bytes == 8 ? SampleType.INT64 : null;
                case "short float" -> bytes == 4 || bytes == -1 ? SampleType.FLOAT32 : null;
                case "long float" -> bytes == 8 || bytes == -1 ? SampleType.FLOAT64 : null;
                case "float" -> bytes == 4 || bytes == -1 ? SampleType.FLOAT32 : bytes == 8 ? SampleType.FLOAT64 : null;
                default -> throw new ImageIoException(file, "unsupported number format '" + TextHeader.abbreviated(format) + "'");
            };
            if (type == null) {
                throw new ImageIoException(file, "number format '" + format + "' with " + bytes + " bytes per pixel is not supported");
            }
            return type;
        }
    }
}
