package org.organdose.dosimetry;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.organdose.image.io.AtomicFileOutput;
import org.organdose.image.io.ImageIoException;

/**
 * A voxel S value kernel: the absorbed dose to the voxel at offset (i, j, k) per decay in the
 * centre voxel, in mGy/(MBq s), for voxels of one size (cubic, or a x b x c mm) in one medium.
 * Stored as a full cube of odd size 2r+1 voxels with the source at its centre. Immutable.
 */
public final class VoxelSKernel {
    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";
    private static final Pattern VOXEL_SIZE = Pattern.compile(NUMBER + "\\s*mm", Pattern.CASE_INSENSITIVE);
    private static final Pattern VOXEL_SIZES = Pattern.compile(
            NUMBER + "\\s*x\\s*" + NUMBER + "\\s*x\\s*" + NUMBER + "\\s*mm", Pattern.CASE_INSENSITIVE);
    private static final int MAX_RADIUS = 200;

    private final int radius;
    private final double[] voxelMm;
    private final double[] values;
    private final String description;

    /** A kernel for cubic voxels; @param values x fastest, size (2 radius + 1)^3 */
    public VoxelSKernel(int radius, double voxelSizeMm, double[] values, String description) {
        this(radius, new double[] {voxelSizeMm, voxelSizeMm, voxelSizeMm}, values, description);
    }

    /** A kernel for voxels of voxelMm[0] x voxelMm[1] x voxelMm[2] mm (x, y, z); @param values x fastest, size (2 radius + 1)^3 */
    public VoxelSKernel(int radius, double[] voxelMm, double[] values, String description) {
        int size = 2 * radius + 1;
        if (radius < 0 || values.length != size * size * size || voxelMm.length != 3
                || !(voxelMm[0] > 0 && voxelMm[1] > 0 && voxelMm[2] > 0)) {
            throw new IllegalArgumentException("kernel needs (2r+1)^3 values and three positive voxel sizes");
        }
        this.radius = radius;
        this.voxelMm = voxelMm.clone();
        this.values = values.clone();
        this.description = description;
    }

    public int radius() { return radius; }
    public int size() { return 2 * radius + 1; }

    /** The voxel size of a cubic kernel; a non-cubic one has no single size (see {@link #voxelMm()}). */
    public double voxelSizeMm() {
        if (!isCubic()) {
            throw new IllegalStateException("kernel voxels are " + voxelText(voxelMm) + " mm, not cubic: use voxelMm()");
        }
        return voxelMm[0];
    }

    /** Voxel size along x, y and z in mm. */
    public double[] voxelMm() { return voxelMm.clone(); }

    /** Whether the voxels are cubes (the three sizes within 1e-9 relative). */
    public boolean isCubic() {
        return Math.abs(voxelMm[1] - voxelMm[0]) <= 1e-9 * voxelMm[0] && Math.abs(voxelMm[2] - voxelMm[0]) <= 1e-9 * voxelMm[0];
    }

    /** Mass of one voxel in g at this density (g/mL). */
    public double voxelMassG(double densityGPerMl) {
        return densityGPerMl * voxelMm[0] * voxelMm[1] * voxelMm[2] / 1000;
    }
    /**
     * Energy absorbed within the kernel per decay in the source voxel, MeV: the sum of S times the
     * voxel mass, the mass of a medium of this density.
     */
    public double absorbedMeVPerDecay(double densityGPerMl) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        // S in mGy/(MBq s) = 0.1602176634 times MeV/g per decay
        return sum * voxelMassG(densityGPerMl) / 0.1602176634;
    }

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
        double[] voxel = voxelSizeInTitle(file, lines.get(0));
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
        return new VoxelSKernel(radius, voxel, full, file.getFileName() + " (" + voxelText(voxel) + " mm voxels)");
    }

    /** "4.42 mm" (cubic) or "4 x 4 x 5 mm" in the title: the first such size. */
    private static double[] voxelSizeInTitle(Path file, String title) throws DosimetryInputException {
        Matcher three = VOXEL_SIZES.matcher(title);
        if (three.find()) {
            return new double[] {Double.parseDouble(three.group(1)), Double.parseDouble(three.group(2)), Double.parseDouble(three.group(3))};
        }
        Matcher m = VOXEL_SIZE.matcher(title);
        if (!m.find()) {
            throw new DosimetryInputException(file + ": the title line does not give the voxel size in mm: " + title.strip());
        }
        double v = Double.parseDouble(m.group(1));
        if (!(v > 0)) {
            throw new DosimetryInputException(file + ": the voxel size in the title line must be > 0: " + title.strip());
        }
        return new double[] {v, v, v};
    }

    /**
     * Writes the octant i, j, k &gt;= 0 in the text format {@link #readOctantText} reads: the title,
     * whose first size in mm must be this kernel's voxel size (e.g. "Lu-177 - 4.42mm - ..." or
     * "Lu-177 - 4x4x5mm - ..."), a header, then tab-separated "i j k S" lines, S in mGy/(MBq s) to 5
     * significant digits. Written through a temporary file, renamed into place when complete.
     */
    public void writeOctantText(Path file, String title) throws ImageIoException {
        double[] inTitle;
        try {
            inTitle = voxelSizeInTitle(file, title);
        } catch (DosimetryInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (int a = 0; a < 3; a++) {
            if (Math.abs(inTitle[a] - voxelMm[a]) > 1e-6 * voxelMm[a]) {
                throw new IllegalArgumentException("the title's voxel size " + voxelText(inTitle) + " mm is not the kernel's " + voxelText(voxelMm));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(title.replace('\n', ' ').replace('\r', ' ')).append("\r\n");
        sb.append("i\tj\tk\tS [mGy/(MBq\u00b7s)]\r\n");
        for (int i = 0; i <= radius; i++) {
            for (int j = 0; j <= radius; j++) {
                for (int k = 0; k <= radius; k++) {
                    sb.append(i).append('\t').append(j).append('\t').append(k).append('\t')
                            .append(String.format(Locale.ROOT, "%.4E", value(i, j, k))).append("\r\n");
                }
            }
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        AtomicFileOutput.write(file, out -> out.write(bytes));
    }

    /** A voxel size as titles write it, without the unit: "4.42" (cubic) or "4x4x5". */
    public static String voxelText(double[] mm) {
        boolean cubic = mm[1] == mm[0] && mm[2] == mm[0];
        return cubic ? plain(mm[0]) : plain(mm[0]) + "x" + plain(mm[1]) + "x" + plain(mm[2]);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
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
            if (best == null || k.largestSizeDifference(spacingMm) < best.largestSizeDifference(spacingMm)) {
                best = k;
            }
        }
        if (best == null) {
            throw new DosimetryInputException(fileOrFolder + ": no kernel file (*.txt) in this folder");
        }
        return best;
    }

    /** The largest difference, over the axes, between this kernel's voxel size and {@code spacingMm}. */
    private double largestSizeDifference(double spacingMm) {
        return Math.max(Math.abs(voxelMm[0] - spacingMm), Math.max(Math.abs(voxelMm[1] - spacingMm), Math.abs(voxelMm[2] - spacingMm)));
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
        double rx = newVoxelSizeMm / voxelMm[0];
        double ry = newVoxelSizeMm / voxelMm[1];
        double rz = newVoxelSizeMm / voxelMm[2];
        int newRadius = Math.max(1, (int) Math.floor(radius / Math.max(rx, Math.max(ry, rz))));
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
                    double v = interpolate((i - newRadius) * rx, (j - newRadius) * ry, (k - newRadius) * rz);
                    out[i + size * (j + size * k)] = v;
                    sumNew += v;
                }
            }
        }
        // energy = S * mass: sum S_new * b^3 = sum S_old * (a_x a_y a_z)
        double scale = sumNew > 0 ? sumOld / (sumNew * rx * ry * rz) : 0;
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
