package org.organdose.image.io;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Matrix3;
import org.organdose.image.Volume;

/**
 * Writes NIfTI-1 single files, gzipped when the name ends in {@code .nii.gz} and plain for
 * {@code .nii}, little-endian. The geometry is stored twice, as tools disagree on which they
 * read: the sform (the exact affine) and the qform (rotation quaternion, qfac = -1 for a reflected
 * grid), both with code 1 (scanner anatomical), in RAS millimetres ({@code xyzt_units} = mm).
 * {@code scl_slope} is 1 and {@code scl_inter} 0, so the stored values are the values. Integer
 * types are rounded to the nearest integer and clamped to their range (NaN becomes 0). The file
 * appears only when complete.
 */
public final class NiftiWriter {
    private static final int VOX_OFFSET = 352;

    private NiftiWriter() {
    }

    public static void write(Volume volume, StorageType storage, Path file) throws ImageIoException {
        byte[] header = header(volume.geometry(), storage, file);
        boolean gzip = compressed(file);
        AtomicFileOutput.write(file, out -> {
            OutputStream target = gzip ? VoxelOutput.gzip(out) : out;
            target.write(header);
            VoxelOutput.write(target, volume.voxels(), storage, ByteOrder.LITTLE_ENDIAN);
            if (target instanceof GZIPOutputStream g) {
                g.finish();
            }
        });
    }

    /** Writes a label map as UINT8, the labels' own bytes. */
    public static void writeLabels(LabelMap labels, Path file) throws ImageIoException {
        byte[] header = header(labels.geometry(), StorageType.UINT8, file);
        boolean gzip = compressed(file);
        AtomicFileOutput.write(file, out -> {
            OutputStream target = gzip ? VoxelOutput.gzip(out) : out;
            target.write(header);
            target.write(labels.labels());
            if (target instanceof GZIPOutputStream g) {
                g.finish();
            }
        });
    }

    private static boolean compressed(Path file) throws ImageIoException {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".nii.gz")) {
            return true;
        }
        if (name.endsWith(".nii")) {
            return false;
        }
        throw new ImageIoException(file, "a NIfTI file name must end in .nii or .nii.gz");
    }

    /** The 348-byte header, the 4 zero extension bytes, no extensions. */
    private static byte[] header(Geometry g, StorageType storage, Path file) throws ImageIoException {
        if (g.nx() > Short.MAX_VALUE || g.ny() > Short.MAX_VALUE || g.nz() > Short.MAX_VALUE) {
            throw new ImageIoException(file, "NIfTI-1 stores sizes up to 32767, the image is "
                    + g.nx() + "x" + g.ny() + "x" + g.nz());
        }
        SampleType type = SampleType.of(storage);
        ByteBuffer b = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, NiftiReader.HEADER_BYTES);
        short[] dim = {3, (short) g.nx(), (short) g.ny(), (short) g.nz(), 1, 1, 1, 1};
        for (int d = 0; d < 8; d++) {
            b.putShort(40 + 2 * d, dim[d]);
        }
        b.putShort(70, (short) switch (storage) {
            case UINT8 -> 2;
            case INT16 -> 4;
            case FLOAT32 -> 16;
        });
        b.putShort(72, (short) (8 * type.bytes()));

        // RAS direction; a reflection goes into qfac so that the quaternion stays a rotation
        double[] flip = {-1, 0, 0, 0, -1, 0, 0, 0, 1};
        double[] rotation = Matrix3.multiply(flip, g.direction());
        double qfac = Matrix3.determinant(rotation) < 0 ? -1 : 1;
        if (qfac < 0) {
            for (int r = 0; r < 3; r++) {
                rotation[3 * r + 2] = -rotation[3 * r + 2];
            }
        }
        float[] pixdim = {(float) qfac, (float) g.spacing(0), (float) g.spacing(1), (float) g.spacing(2), 1, 1, 1, 1};
        for (int d = 0; d < 8; d++) {
            b.putFloat(76 + 4 * d, pixdim[d]);
        }
        b.putFloat(108, VOX_OFFSET);
        b.putFloat(112, 1);
        b.putFloat(116, 0);
        b.put(123, (byte) 2); // xyzt_units: millimetres, time unknown
        byte[] descrip = "OrganDose".getBytes(StandardCharsets.US_ASCII);
        b.put(148, descrip);
        b.putShort(252, (short) 1);
        b.putShort(254, (short) 1);
        double[] quatern = NiftiQuaternion.fromRotation(rotation);
        double[] affine = g.affineRas();
        for (int q = 0; q < 3; q++) {
            b.putFloat(256 + 4 * q, (float) quatern[q]);
            b.putFloat(268 + 4 * q, (float) affine[4 * q + 3]);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * r + 4 * c, (float) affine[4 * r + c]);
            }
        }
        b.put(344, "n+1\0".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
