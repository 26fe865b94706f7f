package org.organdose.image.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.organdose.image.Geometry;
import org.organdose.image.Volume;

/**
 * Writes NRRD images, gzip-encoded, little-endian, in left-posterior-superior space with
 * {@code space directions} (direction times spacing per axis) and {@code space origin}: attached
 * to the header for {@code .nrrd}; for {@code .nhdr} the data go to a sibling
 * {@code <name>.raw.gz}, written before the header so that a header never names missing data.
 * Integer types are rounded to the nearest integer and clamped to their range (NaN becomes 0).
 */
public final class NrrdWriter {
    private NrrdWriter() {
    }

    public static void write(Volume volume, StorageType storage, Path file) throws ImageIoException {
        String name = String.valueOf(file.getFileName());
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".nrrd")) {
            byte[] header = header(volume.geometry(), storage, null);
            AtomicFileOutput.write(file, out -> {
                out.write(header);
                writeData(out, volume, storage);
            });
        } else if (lower.endsWith(".nhdr")) {
            String dataName = name.substring(0, name.length() - ".nhdr".length()) + ".raw.gz";
            AtomicFileOutput.write(file.resolveSibling(dataName), out -> writeData(out, volume, storage));
            byte[] header = header(volume.geometry(), storage, dataName);
            AtomicFileOutput.write(file, out -> out.write(header));
        } else {
            throw new ImageIoException(file, "a NRRD file name must end in .nrrd or .nhdr");
        }
    }

    private static void writeData(OutputStream out, Volume volume, StorageType storage) throws IOException {
        GZIPOutputStream gz = VoxelOutput.gzip(out);
        VoxelOutput.write(gz, volume.voxels(), storage, ByteOrder.LITTLE_ENDIAN);
        gz.finish();
    }

    private static byte[] header(Geometry g, StorageType storage, String dataFile) {
        StringBuilder h = new StringBuilder("NRRD0004\n# written by OrganDose\n");
        h.append("type: ").append(switch (storage) {
            case UINT8 -> "uchar";
            case INT16 -> "short";
            case FLOAT32 -> "float";
        }).append('\n');
        h.append("dimension: 3\n");
        h.append("space: left-posterior-superior\n");
        h.append("sizes: ").append(g.nx()).append(' ').append(g.ny()).append(' ').append(g.nz()).append('\n');
        double[] a = g.affineLps();
        h.append("space directions:");
        for (int c = 0; c < 3; c++) {
            h.append(" (").append(a[c]).append(',').append(a[4 + c]).append(',').append(a[8 + c]).append(')');
        }
        h.append('\n');
        h.append("kinds: domain domain domain\n");
        h.append("endian: little\n");
        h.append("encoding: gzip\n");
        h.append("space origin: (").append(a[3]).append(',').append(a[7]).append(',').append(a[11]).append(")\n");
        if (dataFile != null) {
            h.append("data file: ").append(dataFile).append('\n');
        }
        h.append('\n');
        return h.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
