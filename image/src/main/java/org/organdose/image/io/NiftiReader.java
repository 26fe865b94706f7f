package org.organdose.image.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.organdose.image.Geometry;
import org.organdose.image.Matrix3;
import org.organdose.image.Volume;
import org.organdose.image.io.VoxelInput.Compression;

/**
 * Reads NIfTI-1 images: single files ({@code .nii}, {@code .nii.gz}) and header/image pairs
 * ({@code .hdr} + {@code .img}, either possibly gzipped; pass either name). Compression is
 * recognised by content, byte order by {@code sizeof_hdr} (348).
 *
 * <p>Geometry follows the NIfTI-1 rules, as nibabel does: the sform when {@code sform_code > 0},
 * else the qform when {@code qform_code > 0} (with qfac from {@code pixdim[0]}), else the voxel
 * sizes alone ("method 1", with a warning that orientation is unknown). A sheared sform falls
 * back to the qform when there is one. NIfTI world coordinates are RAS; they are converted to
 * LPS (x and y negated) and to millimetres ({@code xyzt_units} metres and microns are scaled,
 * unknown units are taken as mm).
 *
 * <p>Voxel values are scaled by {@code scl_slope} and {@code scl_inter} when the slope is finite
 * and non-zero. Only 3D images are read: a 4th to 7th dimension of size 1 is accepted, a real
 * one (a time series, vector data) is refused rather than silently cut to its first volume.
 * Complex, RGB and 128-bit data are refused. The description is the header's {@code descrip};
 * NIfTI records no modality, so it is "unknown".
 */
public final class NiftiReader {
    static final int HEADER_BYTES = 348;

    private NiftiReader() {
    }

    /** Reads a NIfTI-1 image; any problem with the file is an {@link ImageIoException} naming it. */
    public static MedicalImage read(Path file) throws ImageIoException {
        Path header = file;
        Path data = file;
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean pair = lower.matches(".*\\.(hdr|img)(\\.gz)?");
        if (pair) {
            header = sibling(file, name, "hdr");
            data = sibling(file, name, "img");
            // named from the file the user gave, which may be the half that exists
            for (Path half : List.of(header, data)) {
                if (!half.equals(file) && !Files.exists(half)) {
                    throw new ImageIoException(file, "the other half of this header/image pair, "
                            + half.getFileName() + ", is missing");
                }
            }
        }
        long headerFileBytes = VoxelInput.fileSize(header);
        Compression headerCompression = VoxelInput.isGzip(header) ? Compression.GZIP : Compression.NONE;
        try (InputStream headerIn = VoxelInput.decompressing(header, VoxelInput.open(header), headerCompression)) {
            NiftiHeader h = NiftiHeader.parse(header, VoxelInput.readUpTo(header, headerIn, HEADER_BYTES), pair);
            List<String> warnings = new ArrayList<>();
            Geometry geometry = h.geometry(warnings);
            long neededBytes = (long) h.voxelCount() * h.type().bytes();
            float[] voxels;
            if (pair) {
                long dataFileBytes = VoxelInput.fileSize(data);
                Compression dataCompression = VoxelInput.isGzip(data) ? Compression.GZIP : Compression.NONE;
                VoxelInput.requireRoom(data, h.voxOffset() + neededBytes, dataFileBytes, dataCompression);
                try (InputStream dataIn = VoxelInput.decompressing(data, VoxelInput.open(data), dataCompression)) {
                    VoxelInput.skip(data, dataIn, h.voxOffset());
                    voxels = VoxelInput.readSamples(data, dataIn, h.type(), h.order(), h.voxelCount());
                }
            } else {
                VoxelInput.requireRoom(file, h.voxOffset() + neededBytes, headerFileBytes, headerCompression);
                VoxelInput.skip(file, headerIn, h.voxOffset() - HEADER_BYTES);
                voxels = VoxelInput.readSamples(file, headerIn, h.type(), h.order(), h.voxelCount());
            }
            h.scale(voxels);
            ImageMetadata metadata = new ImageMetadata("unknown", "", "", h.description(), warnings);
            return new MedicalImage(new Volume(geometry, voxels), metadata);
        } catch (ImageIoException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The .hdr or .img partner of a pair member, keeping a .gz suffix only if that file exists. */
    private static Path sibling(Path file, String name, String extension) {
        String base = name.replaceFirst("(?i)\\.(hdr|img)(\\.gz)?$", "");
        Path plain = file.resolveSibling(base + "." + extension);
        Path gz = file.resolveSibling(base + "." + extension + ".gz");
        return !Files.exists(plain) && Files.exists(gz) ? gz : plain;
    }

    /** The fields of a NIfTI-1 header that matter here, validated. */
    private record NiftiHeader(Path file, ByteOrder order, int[] size, SampleType type, float[] pixdim,
                               long voxOffset, double slope, double intercept, double unitToMm,
                               String description, int qformCode, int sformCode, double[] quatern,
                               double[] qoffset, double[][] srow) {

        static NiftiHeader parse(Path file, byte[] bytes, boolean pair) throws ImageIoException {
            if (bytes.length < HEADER_BYTES) {
                throw new ImageIoException(file, "too short for a NIfTI-1 header (" + bytes.length + " of 348 bytes)");
            }
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(0) != HEADER_BYTES) {
                b.order(ByteOrder.BIG_ENDIAN);
                if (b.getInt(0) != HEADER_BYTES) {
                    int le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
                    throw new ImageIoException(file, le == 540 || b.getInt(0) == 540
                            ? "NIfTI-2 files are not supported (convert to NIfTI-1)"
                            : "not a NIfTI-1 file (sizeof_hdr is not 348)");
                }
            }
            String magic = new String(bytes, 344, 4, StandardCharsets.ISO_8859_1);
            String expected = pair ? "ni1\0" : "n+1\0";
            if (!magic.equals(expected)) {
                throw new ImageIoException(file, magic.equals("ni1\0") || magic.equals("n+1\0")
                        ? "NIfTI magic '" + magic.trim() + "' does not fit a " + (pair ? "header/image pair" : "single file")
                        : "no NIfTI-1 magic (Analyze 7.5 files are not supported)");
            }
            int rank = b.getShort(40);
            if (rank < 1 || rank > 7) {
                throw new ImageIoException(file, "dim[0] is " + rank + ", not 1 to 7");
            }
            int[] dims = new int[8];
            for (int d = 1; d <= 7; d++) {
                dims[d] = d <= rank ? b.getShort(40 + 2 * d) : 1;
                if (dims[d] < 1) {
                    throw new ImageIoException(file, "dim[" + d + "] is " + dims[d] + ", sizes must be positive");
                }
            }
            for (int d = 4; d <= 7; d++) {
                if (dims[d] > 1) {
                    throw new ImageIoException(file, "dim[" + d + "] is " + dims[d]
                            + ": only 3D images are read (split the series into 3D volumes first)");
                }
            }
            int[] size = {dims[1], dims[2], dims[3]};
            SampleType type = sampleType(file, b.getShort(70));
            int bitpix = b.getShort(72);
            if (bitpix != 8 * type.bytes()) {
                throw new ImageIoException(file, "bitpix " + bitpix + " does not match datatype " + type);
            }
            float[] pixdim = new float[8];
            for (int d = 0; d < 8; d++) {
                pixdim[d] = b.getFloat(76 + 4 * d);
            }
            for (int d = 1; d <= 3; d++) {
                if (!Float.isFinite(pixdim[d])) {
                    throw new ImageIoException(file, "pixdim[" + d + "] is " + pixdim[d]);
                }
            }
            double voxOffset = b.getFloat(108);
            if (!pair && voxOffset == 0) {
                voxOffset = 352; // written by some old tools: the data follow the header and its 4 extension bytes
            }
            if (!Double.isFinite(voxOffset) || voxOffset != Math.rint(voxOffset)
                    || voxOffset < (pair ? 0 : HEADER_BYTES) || voxOffset > Integer.MAX_VALUE) {
                throw new ImageIoException(file, "vox_offset " + voxOffset + " is not a valid data offset");
            }
            double slope = b.getFloat(112);
            double intercept = b.getFloat(116);
            if (!Double.isFinite(slope) || slope == 0) {
                slope = 1;
                intercept = 0;
            } else if (!Double.isFinite(intercept)) {
                intercept = 0;
            }
            int spaceUnits = b.get(123) & 0x07;
            double unitToMm = spaceUnits == 1 ? 1000 : spaceUnits == 3 ? 0.001 : 1;
            String description = new String(bytes, 148, 80, StandardCharsets.ISO_8859_1);
            int nul = description.indexOf('\0');
            description = (nul >= 0 ? description.substring(0, nul) : description).trim();
            double[] quatern = {b.getFloat(256), b.getFloat(260), b.getFloat(264)};
            double[] qoffset = {b.getFloat(268), b.getFloat(272), b.getFloat(276)};
            double[][] srow = new double[3][4];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
                }
            }
            return new NiftiHeader(file, b.order(), size, type, pixdim, (long) voxOffset, slope, intercept,
                    unitToMm, description, b.getShort(252), b.getShort(254), quatern, qoffset, srow);
        }

        private static SampleType sampleType(Path file, int code) throws ImageIoException {
            return switch (code) {
                case 2 -> SampleType.UINT8;
                case 4 -> SampleType.INT16;
                case 8 -> SampleType.INT32;
                case 16 -> SampleType.FLOAT32;
                case 64 -> SampleType.FLOAT64;
                case 256 -> SampleType.INT8;
                case 512 -> SampleType.UINT16;
                case 768 -> SampleType.UINT32;
                case 1024 -> SampleType.INT64;
                case 1280 -> SampleType.UINT64;
                case 32, 1792, 2048 -> throw new ImageIoException(file, "complex voxel data (datatype " + code + ") is not supported");
                case 128, 2304 -> throw new ImageIoException(file, "RGB voxel data (datatype " + code + ") is not supported");
                case 1536 -> throw new ImageIoException(file, "128-bit float voxel data is not supported");
                default -> throw new ImageIoException(file, "unsupported NIfTI datatype " + code);
            };
        }

        int voxelCount() throws ImageIoException {
            long n = (long) size[0] * size[1] * size[2];
            if (n > Integer.MAX_VALUE - 8) {
                throw new ImageIoException(file, "image of " + size[0] + "x" + size[1] + "x" + size[2] + " voxels is too large");
            }
            return (int) n;
        }

        void scale(float[] voxels) {
            if (slope != 1 || intercept != 0) {
                for (int p = 0; p < voxels.length; p++) {
                    voxels[p] = (float) (voxels[p] * slope + intercept);
                }
            }
        }

        /** Index-to-LPS geometry by the NIfTI-1 precedence: sform, qform, voxel sizes. */
        Geometry geometry(List<String> warnings) throws ImageIoException {
            if (sformCode > 0) {
                try {
                    return toLps(new double[] {
                        srow[0][0], srow[0][1], srow[0][2], srow[1][0], srow[1][1], srow[1][2],
                        srow[2][0], srow[2][1], srow[2][2]}, new double[] {srow[0][3], srow[1][3], srow[2][3]}, "sform");
                } catch (ImageIoException e) {
                    if (qformCode <= 0) {
                        throw e;
                    }
                    warnings.add("the sform is not a rotation with voxel sizes (sheared or degenerate); used the qform");
                }
            }
            if (qformCode > 0) {
                return toLps(qformMatrix(), qoffset, "qform");
            }
            warnings.add("no sform or qform: orientation unknown, index axes taken as the RAS axes (NIfTI method 1)");
            for (int d = 1; d <= 3; d++) {
                if (!(pixdim[d] > 0)) {
                    throw new ImageIoException(file, "pixdim[" + d + "] is " + pixdim[d] + ", voxel sizes must be positive");
                }
            }
            return toLps(new double[] {pixdim[1], 0, 0, 0, pixdim[2], 0, 0, 0, pixdim[3]}, new double[3], "pixdim");
        }

        private double[] qformMatrix() throws ImageIoException {
            for (double q : quatern) {
                if (!Double.isFinite(q)) {
                    throw new ImageIoException(file, "qform quaternion holds a non-finite value");
                }
            }
            double[] scale = new double[3];
            for (int d = 1; d <= 3; d++) {
                if (!(pixdim[d] > 0)) {
                    throw new ImageIoException(file, "pixdim[" + d + "] is " + pixdim[d] + ", voxel sizes must be positive");
                }
                scale[d - 1] = pixdim[d];
            }
            if (pixdim[0] < 0) {
                scale[2] = -scale[2]; // qfac -1: the k axis is reflected
            }
            double[] r = NiftiQuaternion.toRotation(quatern[0], quatern[1], quatern[2]);
            double[] m = new double[9];
            for (int row = 0; row < 3; row++) {
                for (int c = 0; c < 3; c++) {
                    m[3 * row + c] = r[3 * row + c] * scale[c];
                }
            }
            return m;
        }

        /** RAS (file units) to LPS mm: negate the x and y rows, scale to millimetres. */
        private Geometry toLps(double[] ras, double[] originRas, String source) throws ImageIoException {
            double[] flip = {-unitToMm, 0, 0, 0, -unitToMm, 0, 0, 0, unitToMm};
            double[] lps = Matrix3.multiply(flip, ras);
            double[] origin = Matrix3.apply(flip, originRas);
            return AffineGeometry.of(file, size, lps, origin, source);
        }
    }
}
