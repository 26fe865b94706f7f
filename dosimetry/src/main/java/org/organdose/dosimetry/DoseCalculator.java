package org.organdose.dosimetry;

import org.organdose.image.Volume;

/** Absorbed dose (Gy) from a voxel time-integrated activity map (MBq h per voxel). */
public final class DoseCalculator {
    /** Joules per MeV. */
    static final double JOULE_PER_MEV = 1.602176634e-13;
    /** Decays per MBq h. */
    static final double DECAYS_PER_MBQ_H = 3.6e9;

    private DoseCalculator() {
    }

    /**
     * Convolution with a voxel S value kernel (mGy/(MBq s)) whose voxel size along each axis must
     * equal the map's spacing along it (cubic or not): dose(x) = sum of TIA(x') S(x - x') * 3600 s/h
     * / 1000 mGy/Gy.
     */
    public static Volume kernelConvolution(Volume tiaMBqH, VoxelSKernel kernel) {
        var g = tiaMBqH.geometry();
        double[] kernelMm = kernel.voxelMm();
        for (int a = 0; a < 3; a++) {
            if (Math.abs(g.spacing(a) - kernelMm[a]) > 1e-3 * kernelMm[a]) {
                throw new IllegalArgumentException("kernel voxel size " + kernelMm[a] + " mm along axis " + "xyz".charAt(a)
                        + " differs from the dose grid spacing " + g.spacing(a) + " mm");
            }
        }
        double[] conv = FftConvolution.convolve(tiaMBqH.voxels(), g.nx(), g.ny(), g.nz(), kernel.values(), kernel.radius());
        float[] dose = new float[conv.length];
        for (int p = 0; p < dose.length; p++) {
            dose[p] = (float) (conv[p] * 3600 / 1000);
        }
        return new Volume(g, dose);
    }

    /**
     * Local energy deposition: all electron energy of the decays in a voxel is absorbed in that
     * voxel's mass, photons escape. dose = TIA * decays per MBq h * mean electron energy / mass.
     */
    public static Volume localDeposition(Volume tiaMBqH, Radionuclide nuclide, double densityGPerMl) {
        var g = tiaMBqH.geometry();
        double voxelMassKg = densityGPerMl * g.voxelVolumeMm3() / 1000 / 1000;
        double gyPerMBqH = DECAYS_PER_MBQ_H * nuclide.meanElectronEnergyMeV() * JOULE_PER_MEV / voxelMassKg;
        float[] tia = tiaMBqH.voxels();
        float[] dose = new float[tia.length];
        for (int p = 0; p < dose.length; p++) {
            dose[p] = (float) (tia[p] * gyPerMBqH);
        }
        return new Volume(g, dose);
    }
}
