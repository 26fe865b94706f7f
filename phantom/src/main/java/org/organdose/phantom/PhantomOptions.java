package org.organdose.phantom;

/**
 * Settings of a generated phantom CT.
 *
 * @param pixels          image width and height (axial matrix)
 * @param pixelMm         in-plane voxel size (mm)
 * @param sliceMm         slice spacing and thickness (mm)
 * @param lengthMm        cranio-caudal coverage (mm), measured down from the lung bases
 * @param phase           contrast phase imitated by the CT numbers
 * @param noiseHu         standard deviation of the CT noise (HU); 0 gives a noise-free image
 * @param noiseCorrelationMm in-plane Gaussian sigma (mm) correlating the noise like a reconstruction kernel
 * @param liverTumours    number of liver lesions (0..10)
 */
public record PhantomOptions(int pixels, double pixelMm, double sliceMm, double lengthMm, ContrastPhase phase,
                             double noiseHu, double noiseCorrelationMm, int liverTumours) {

    public PhantomOptions {
        if (pixels < 64 || pixels > 1024) {
            throw new IllegalArgumentException("pixels must be 64..1024, got " + pixels);
        }
        if (!(pixelMm >= 0.3 && pixelMm <= 4)) {
            throw new IllegalArgumentException("pixel size must be 0.3..4 mm, got " + pixelMm);
        }
        if (!(sliceMm >= 0.5 && sliceMm <= 10)) {
            throw new IllegalArgumentException("slice spacing must be 0.5..10 mm, got " + sliceMm);
        }
        if (!(lengthMm >= 50 && lengthMm <= MAX_LENGTH_MM)) {
            throw new IllegalArgumentException("length must be 50.." + MAX_LENGTH_MM + " mm, got " + lengthMm);
        }
        if (phase == null) {
            throw new IllegalArgumentException("contrast phase is required");
        }
        if (!(noiseHu >= 0 && noiseHu <= 500)) {
            throw new IllegalArgumentException("noise must be 0..500 HU, got " + noiseHu);
        }
        if (!(noiseCorrelationMm >= 0 && noiseCorrelationMm <= 5)) {
            throw new IllegalArgumentException("noise correlation must be 0..5 mm, got " + noiseCorrelationMm);
        }
        if (liverTumours < 0 || liverTumours > 10) {
            throw new IllegalArgumentException("liver tumours must be 0..10, got " + liverTumours);
        }
    }

    /** Longest coverage: from above the diaphragm domes to below the iliac crests. */
    public static final double MAX_LENGTH_MM = 330;

    /** Standard-dose diagnostic abdomen: 384 x 384 at 0.95 mm, 2.5 mm slices, 315 mm, 15 HU noise. */
    public static PhantomOptions defaults() {
        return new PhantomOptions(384, 0.95, 2.5, 315, ContrastPhase.NONE, 15, 0.5, 0);
    }

    /** A coarse phantom for fast tests: 192 x 192 at 1.9 mm, 4 mm slices. */
    public static PhantomOptions small() {
        return new PhantomOptions(192, 1.9, 4, 315, ContrastPhase.NONE, 15, 0.8, 0);
    }

    /** Low-dose noise level (about 50 HU). */
    public PhantomOptions lowDose() {
        return withNoise(50);
    }

    public PhantomOptions withPhase(ContrastPhase p) {
        return new PhantomOptions(pixels, pixelMm, sliceMm, lengthMm, p, noiseHu, noiseCorrelationMm, liverTumours);
    }

    public PhantomOptions withNoise(double hu) {
        return new PhantomOptions(pixels, pixelMm, sliceMm, lengthMm, phase, hu, noiseCorrelationMm, liverTumours);
    }

    public PhantomOptions withTumours(int n) {
        return new PhantomOptions(pixels, pixelMm, sliceMm, lengthMm, phase, noiseHu, noiseCorrelationMm, n);
    }

    public PhantomOptions withGrid(int px, double pxMm, double slMm) {
        return new PhantomOptions(px, pxMm, slMm, lengthMm, phase, noiseHu, noiseCorrelationMm, liverTumours);
    }
}
