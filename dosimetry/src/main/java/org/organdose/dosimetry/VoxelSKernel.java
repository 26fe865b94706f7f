package org.organdose.dosimetry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A voxel S value kernel: the absorbed dose to the voxel at offset (i, j, k) per decay in the
 * centre voxel, in mGy/(MBq s), for cubic voxels of one size in one medium. Stored as a full
 * cube of odd size 2r+1 with the source at its centre. Immutable.
 */
public final class VoxelSKernel {
    private static final Pattern VOXEL_SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*mm", Pattern.CASE_INSENSITIVE);
    private static final int MAX_RADIUS = 200;

    private final int radius;
    private final double voxelSizeMm;
    private final double[] values;
    private final String description;

    /** @param values x fastest, size (2 radius + 1)^3 */
    public VoxelSKernel(int radius, double voxelSizeMm, double[] values, String description) {
        int size = 2 * radius + 1;
        if (radius < 0 || values.length != size * size * size || !(voxelSizeMm > 0)) {
            throw new IllegalArgumentException("kernel needs (2r+1)^3 values and a positive voxel size");
        }
        this.radius = radius;
        this.voxelSizeMm = voxelSizeMm;
        this.values = values.clone();
        this.description = description;
    }

    public int radius() { return radius; }
    public int size() { return 2 * radius + 1; }
    public double voxelSizeMm() { return voxelSizeMm; }
    /** Where the kernel came from, for the results' settings. */
    public String description() { return description; }

    /** S at offset (di, dj, dk) from the source voxel, each within [-radius, radius]; 0 outside. */
    public double value(int di, int dj, int dk) {
        if (Math.abs(di) > radius || Math.abs(dj) > radius || Math.abs(dk) > radius) {
            return 0;
        }
        int s = size();
        return values[(di + radius) + s * ((dj + radius) + s * (dk + radius))];
    }

    /** The full cube, x fastest. */
    public double[] values() { return values.clone(); }

    /**
     * Reads the octant text format: a title line naming the voxel size (e.g. "Lu177 - 3mm - Soft
     * tissue"), a header line, then one "i j k S" line per voxel of the octant i, j, k &gt;= 0,
     * S in mGy/(MBq s); the other octants follow by symmetry. Latin-1, tabs or spaces.
     */
    public static VoxelSKernel readOctantText(Path file) throws DosimetryInputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new DosimetryInputException(file + ": cannot read kernel: " + e.getMessage(), e);
        }
        if (lines.size() < 3) {
            throw new DosimetryInputException(file + ": not a voxel S value kernel (expected a title, a header and i j k S lines)");
        }
        Matcher m = VOXEL_SIZE.matcher(lines.get(0));
        if (!m.find()) {
            throw new DosimetryInputException(file + ": the title line does not give the voxel size in mm: " + lines.get(0).strip());
        }
        double voxel = Double.parseDouble(m.group(1));
        int count = lines.size() - 2;
        int[][] idx = new int[count][3];
        double[] s = new double[count];
        int radius = 0;
        int used = 0;
        for (int l = 2; l < lines.size(); l++) {
            String line = lines.get(l).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("[\\s,;]+");
            try {
                if (f.length != 4) {
                    throw new NumberFormatException();
                }
                for (int a = 0; a < 3; a++) {
                    idx[used][a] = Integer.parseInt(f[a]);
                    if (idx[used][a] < 0 || idx[used][a] > MAX_RADIUS) {
                        throw new NumberFormatException();
                    }
                    radius = Math.max(radius, idx[used][a]);
                }
                s[used] = Double.parseDouble(f[3]);
            } catch (NumberFormatException e) {
                throw new DosimetryInputException(String.format(Locale.ROOT,
                        "%s: line %d: expected 'i j k S' with 0 <= i, j, k <= %d, got '%s'", file, l + 1, MAX_RADIUS, line));
            }
            if (!(s[used] >= 0) || Double.isInfinite(s[used])) {
                throw new DosimetryInputException(String.format(Locale.ROOT, "%s: line %d: S must be finite and >= 0", file, l + 1));
            }
            used++;
        }
        int size = 2 * radius + 1;
        int octant = (radius + 1) * (radius + 1) * (radius + 1);
        if (used != octant) {
            throw new DosimetryInputException(String.format(Locale.ROOT,
                    "%s: an octant of radius %d needs %d values, found %d", file, radius, octant, used));
        }
        double[] full = new double[size * size * size];
        boolean[] seen = new boolean[octant];
        for (int e = 0; e < used; e++) {
            int i = idx[e][0];
            int j = idx[e][1];
            int k = idx[e][2];
            int o = i + (radius + 1) * (j + (radius + 1) * k);
            if (seen[o]) {
                throw new DosimetryInputException(String.format(Locale.ROOT, "%s: voxel %d %d %d is given twice", file, i, j, k));
            }
            seen[o] = true;
            for (int si = -1; si <= 1; si += 2) {
                for (int sj = -1; sj <= 1; sj += 2) {
                    for (int sk = -1; sk <= 1; sk += 2) {
                        full[(radius + si * i) + size * ((radius + sj * j) + size * (radius + sk * k))] = s[e];
                    }
                }
            }
        }
        return new VoxelSKernel(radius, voxel, full, file.getFileName() + " (" + voxel + " mm voxels)");
    }

    /**
     * The kernel for a dose grid of {@code spacingMm}: the file itself, or in a folder of octant
     * text files (such as Lanconelli's 13 voxel sizes) the one whose voxel size is closest.
     */
    public static VoxelSKernel forSpacing(Path fileOrFolder, double spacingMm) throws DosimetryInputException {
        if (!Files.exists(fileOrFolder)) {
            throw new DosimetryInputException(fileOrFolder + ": kernel file or folder not found");
        }
        if (!Files.isDirectory(fileOrFolder)) {
            return readOctantText(fileOrFolder);
        }
        List<Path> candidates;
        try (var files = Files.list(fileOrFolder)) {
            candidates = files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new DosimetryInputException(fileOrFolder + ": cannot list kernels: " + e.getMessage(), e);
        }
        VoxelSKernel best = null;
        for (Path f : candidates) {
            VoxelSKernel k = readOctantText(f);
            if (best == null || Math.abs(k.voxelSizeMm() - spacingMm) < Math.abs(best.voxelSizeMm() - spacingMm)) {
                best = k;
            }
        }
        if (best == null) {
            throw new DosimetryInputException(fileOrFolder + ": no kernel file (*.txt) in this folder");
        }
        return best;
    }

    /**
     * Reads a full cube of {@code size}^3 float32 values (x fastest, source at the centre,
     * mGy/(MBq s)) with the given byte order.
     */
    public static VoxelSKernel readRawFloat(Path file, int size, double voxelSizeMm, ByteOrder order) throws DosimetryInputException {
        if (size < 1 || size % 2 == 0 || size > 2 * MAX_RADIUS + 1) {
            throw new DosimetryInputException(file + ": raw kernel size must be odd, 1.." + (2 * MAX_RADIUS + 1) + ", got " + size);
        }
        long expected = 4L * size * size * size;
        byte[] bytes;
        try {
            long length = Files.size(file);
            if (length != expected) {
                throw new DosimetryInputException(String.format(Locale.ROOT,
                        "%s: a %d^3 float32 kernel has %d bytes, the file has %d", file, size, expected, length));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DosimetryInputException(file + ": cannot read kernel: " + e.getMessage(), e);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        double[] v = new double[size * size * size];
        for (int p = 0; p < v.length; p++) {
            v[p] = buf.getFloat();
            if (!(v[p] >= 0) || Double.isInfinite(v[p])) {
                throw new DosimetryInputException(file + ": kernel values must be finite and >= 0");
            }
        }
        return new VoxelSKernel(size / 2, voxelSizeMm, v, file.getFileName() + " (raw, " + voxelSizeMm + " mm voxels)");
    }

    /**
     * The kernel for another voxel size: S sampled trilinearly at the new voxel centres (in
     * units of the old voxels), then scaled so that the energy absorbed in total, sum of S times
     * voxel mass, is unchanged. The central voxel carries most of the dose and is the least
     * accurate part of this approximation: prefer a kernel computed for the grid's voxel size.
     */
    public VoxelSKernel resampledTo(double newVoxelSizeMm) {
        double ratio = newVoxelSizeMm / voxelSizeMm;
        int newRadius = Math.max(1, (int) Math.floor(radius / ratio));
        int size = 2 * newRadius + 1;
        double[] out = new double[size * size * size];
        double sumOld = 0;
        for (double v : values) {
            sumOld += v;
        }
        double sumNew = 0;
        for (int k = 0; k < size; k++) {
            for (int j = 0; j < size; j++) {
                for (int i = 0; i < size; i++) {
                    double v = interpolate((i - newRadius) * ratio, (j - newRadius) * ratio, (k - newRadius) * ratio);
                    out[i + size * (j + size * k)] = v;
                    sumNew += v;
                }
            }
        }
        // energy = S * mass: sum S_new * b^3 = sum S_old * a^3
        double scale = sumNew > 0 ? sumOld / (sumNew * ratio * ratio * ratio) : 0;
        for (int p = 0; p < out.length; p++) {
            out[p] *= scale;
        }
        return new VoxelSKernel(newRadius, newVoxelSizeMm, out,
                description + " resampled to " + newVoxelSizeMm + " mm");
    }

    private double interpolate(double x, double y, double z) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        int z0 = (int) Math.floor(z);
        double fx = x - x0;
        double fy = y - y0;
        double fz = z - z0;
        double v = 0;
        for (int c = 0; c < 8; c++) {
            int dx = c & 1;
            int dy = (c >> 1) & 1;
            int dz = (c >> 2) & 1;
            double w = (dx == 1 ? fx : 1 - fx) * (dy == 1 ? fy : 1 - fy) * (dz == 1 ? fz : 1 - fz);
            if (w > 0) {
                v += w * value(x0 + dx, y0 + dy, z0 + dz);
            }
        }
        return v;
    }
}
