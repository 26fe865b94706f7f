package org.organdose.phantom;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.organdose.image.GaussianFilter;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;

/**
 * Builds a digital patient: a procedural abdominal CT (HU, LPS, axial slices from the lung bases
 * down past the iliac crests) with its organ label map and tissue map, all determined by a seed.
 *
 * <p>Each voxel is painted from smooth implicit shapes ({@link Torso}, {@link Viscera}) with
 * fractional coverage at boundaries (partial volume over about one voxel), tissue texture from a
 * smooth random field, then CT noise: Gaussian white noise blurred in-plane (imitating a
 * reconstruction kernel) and rescaled to the requested standard deviation. Slices are painted in
 * parallel; every random draw depends only on the seed and the slice, so the same seed and
 * options always give identical voxels.
 */
public final class PhantomGenerator {
    /** Mass density used for organ masses in the truth (g/mL). */
    public static final double SOFT_TISSUE_DENSITY_G_PER_ML = 1.06;
    private static final float CT_FLOOR_HU = -1024;

    private PhantomGenerator() {
    }

    public static Phantom generate(long seed, PhantomOptions options) {
        Anatomy anatomy = new Anatomy(seed);
        Geometry grid = grid(anatomy, options);
        double[] lo = grid.indexToWorld(-1, -1, -1);
        double[] hi = grid.indexToWorld(grid.nx(), grid.ny(), grid.nz());
        double[] boxMin = {Math.min(lo[0], hi[0]) - 40, Math.min(lo[1], hi[1]) - 40, Math.min(lo[2], hi[2]) - 40};
        double[] boxMax = {Math.max(lo[0], hi[0]) + 40, Math.max(lo[1], hi[1]) + 40, Math.max(lo[2], hi[2]) + 40};
        Torso torso = new Torso(anatomy, boxMin, boxMax);
        Viscera viscera = new Viscera(anatomy, torso, options.phase(), options.liverTumours(), boxMin, boxMax);
        SmoothNoise texture = new SmoothNoise(anatomy.random, boxMin, boxMax, 2.5);

        int tissueCount = Tissue.values().length;
        float[] hu = new float[tissueCount];
        float[] tex = new float[tissueCount];
        for (Tissue t : Tissue.values()) {
            hu[t.ordinal()] = t.hu(options.phase());
            tex[t.ordinal()] = t.textureHu();
        }
        // partial volume over about one voxel: the mean voxel edge
        double edge = (2 * options.pixelMm() + options.sliceMm()) / 3;
        float[] ct = new float[grid.voxelCount()];
        byte[] organs = new byte[grid.voxelCount()];
        byte[] tissues = new byte[grid.voxelCount()];
        int nx = grid.nx();
        int ny = grid.ny();
        IntStream.range(0, grid.nz()).parallel().forEach(k -> {
            VoxelMix mix = new VoxelMix(hu, tex, edge);
            double z = grid.indexToWorld(0, 0, k)[2];
            Slice slice = new Slice(anatomy, z);
            for (int j = 0; j < ny; j++) {
                double y = grid.indexToWorld(0, j, k)[1];
                int p = grid.offset(0, j, k);
                for (int i = 0; i < nx; i++, p++) {
                    double x = grid.indexToWorld(i, j, k)[0];
                    mix.reset(texture, x, y, z);
                    double cavity = torso.paint(x, y, z, slice, mix);
                    viscera.paint(x, y, z, slice, mix, cavity);
                    ct[p] = (float) mix.hu;
                    organs[p] = (byte) mix.organ;
                    tissues[p] = (byte) mix.tissue.code();
                }
            }
        });
        Volume image = new Volume(grid, ct);
        if (options.noiseHu() > 0) {
            addNoise(image, options.noiseHu(), options.noiseCorrelationMm(), seed);
        }
        for (int p = 0; p < ct.length; p++) {
            ct[p] = Math.max(CT_FLOOR_HU, ct[p]);
        }
        LabelMap organMap = new LabelMap(grid, organs);
        Map<String, Double> volumes = new LinkedHashMap<>();
        for (Organ o : Organ.values()) {
            volumes.put(o.key(), organMap.volumeMl(o.label()));
        }
        return new Phantom(image, organMap, new LabelMap(grid, tissues), volumes, seed, options);
    }

    /**
     * Adds CT noise in place: Gaussian white noise, blurred in-plane by {@code correlationMm}
     * (reconstruction kernels correlate noise within a slice, not across slices) and rescaled so
     * that its standard deviation is {@code sigmaHu}. Each slice draws from its own stream
     * seeded from {@code seed} and the slice index, so the result does not depend on threading.
     */
    public static void addNoise(Volume image, double sigmaHu, double correlationMm, long seed) {
        Geometry g = image.geometry();
        int slice = g.nx() * g.ny();
        float[] white = new float[g.voxelCount()];
        IntStream.range(0, g.nz()).parallel().forEach(k -> {
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L * (k + 1));
            for (int p = k * slice; p < (k + 1) * slice; p++) {
                white[p] = (float) r.nextGaussian();
            }
        });
        float[] noise = correlationMm > 0
                ? GaussianFilter.smooth(new Volume(g, white), new double[] {correlationMm, correlationMm, 0}).voxels()
                : white;
        double sum2 = 0;
        for (float v : noise) {
            sum2 += (double) v * v;
        }
        double scale = sigmaHu / Math.sqrt(sum2 / noise.length);
        float[] out = image.voxels();
        for (int p = 0; p < out.length; p++) {
            out[p] += (float) (scale * noise[p]);
        }
    }

    /** Axial LPS grid centred on the body, from just above the right diaphragm dome downwards. */
    private static Geometry grid(Anatomy anatomy, PhantomOptions o) {
        int n = o.pixels();
        int nz = Math.max(1, (int) Math.round(o.lengthMm() / o.sliceMm()));
        double half = (n - 1) / 2.0 * o.pixelMm();
        double bottom = anatomy.topZ - (nz - 1) * o.sliceMm();
        return Geometry.axisAligned(n, n, nz, new double[] {o.pixelMm(), o.pixelMm(), o.sliceMm()},
                new double[] {-half, -half, bottom});
    }

    /** Organ masses (g) from the label volumes at soft-tissue density. */
    static Map<String, Double> massesG(Map<String, Double> volumesMl) {
        Map<String, Double> masses = new LinkedHashMap<>();
        volumesMl.forEach((k, v) -> masses.put(k, v * SOFT_TISSUE_DENSITY_G_PER_ML));
        return masses;
    }
}
