package org.organdose.image.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.organdose.image.Geometry;
import org.organdose.image.Volume;

/**
 * Writes MetaImage (ITK) images, zlib-compressed and little-endian: {@code .mha} with the data
 * after the header, or {@code .mhd} with the data in a sibling {@code <name>.zraw} (written
 * first, so that a header never names missing data). {@code TransformMatrix} lists the
 * direction of index axis i, then j, then k, as ITK writes it; {@code AnatomicalOrientation}
 * restates it in ITK's letters (the identity is "RAI").
 * Integer types are rounded to the nearest integer and clamped to their range (NaN becomes 0).
 */
public final class MetaImageWriter {
    private MetaImageWriter() {
    }

    public static void write(Volume volume, StorageType storage, Path file) throws ImageIoException {
        String name = String.valueOf(file.getFileName());
        String lower = name.toLowerCase(Locale.ROOT);
        boolean local = lower.endsWith(".mha");
        if (!local && !lower.endsWith(".mhd")) {
            throw new ImageIoException(file, "a MetaImage file name must end in .mha or .mhd");
        }
        byte[] data;
        try {
            data = compressed(volume, storage);
        } catch (IOException e) {
            throw new ImageIoException(file, "cannot compress: " + e.getMessage(), e);
        }
        if (local) {
            byte[] header = header(volume.geometry(), storage, data.length, "LOCAL");
            AtomicFileOutput.write(file, out -> {
                out.write(header);
                out.write(data);
            });
        } else {
            String dataName = name.substring(0, name.length() - ".mhd".length()) + ".zraw";
            AtomicFileOutput.write(file.resolveSibling(dataName), out -> out.write(data));
            byte[] header = header(volume.geometry(), storage, data.length, dataName);
            AtomicFileOutput.write(file, out -> out.write(header));
        }
    }

    /** The zlib stream, in memory because the header must state its size before it. */
    private static byte[] compressed(Volume volume, StorageType storage) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(bytes, deflater, 1 << 16)) {
            VoxelOutput.write(z, volume.voxels(), storage, ByteOrder.LITTLE_ENDIAN);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static byte[] header(Geometry g, StorageType storage, long compressedBytes, String dataFile) {
        double[] d = g.direction();
        double[] o = g.origin();
        StringBuilder h = new StringBuilder();
        h.append("ObjectType = Image\n");
        h.append("NDims = 3\n");
        h.append("BinaryData = True\n");
        h.append("BinaryDataByteOrderMSB = False\n");
        h.append("CompressedData = True\n");
        h.append("CompressedDataSize = ").append(compressedBytes).append('\n');
        h.append("TransformMatrix =");
        for (int axis = 0; axis < 3; axis++) {
            for (int r = 0; r < 3; r++) {
                h.append(' ').append(d[3 * r + axis]);
            }
        }
        h.append('\n');
        h.append("Offset = ").append(o[0]).append(' ').append(o[1]).append(' ').append(o[2]).append('\n');
        h.append("CenterOfRotation = 0 0 0\n");
        h.append("AnatomicalOrientation = ").append(itkOrientation(g)).append('\n');
        h.append("ElementSpacing = ").append(g.spacing(0)).append(' ').append(g.spacing(1)).append(' ')
                .append(g.spacing(2)).append('\n');
        h.append("DimSize = ").append(g.nx()).append(' ').append(g.ny()).append(' ').append(g.nz()).append('\n');
        h.append("ElementType = ").append(switch (storage) {
            case UINT8 -> "MET_UCHAR";
            case INT16 -> "MET_SHORT";
            case FLOAT32 -> "MET_FLOAT";
        }).append('\n');
        h.append("ElementDataFile = ").append(dataFile).append('\n');
        return h.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** ITK names each axis by where it comes from: an axis running towards L (+x) is "R". */
    private static String itkOrientation(Geometry g) {
        StringBuilder s = new StringBuilder();
        for (char towards : g.orientationCode().toCharArray()) {
            s.append(switch (towards) {
                case 'L' -> 'R';
                case 'R' -> 'L';
                case 'P' -> 'A';
                case 'A' -> 'P';
                case 'S' -> 'I';
                default -> 'S';
            });
        }
        return s.toString();
    }
}
