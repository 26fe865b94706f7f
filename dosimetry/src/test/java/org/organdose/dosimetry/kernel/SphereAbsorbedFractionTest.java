package org.organdose.dosimetry.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.organdose.dosimetry.DoseCalculator;
import org.organdose.dosimetry.VoxelSKernel;
import org.organdose.image.Geometry;
import org.organdose.image.Volume;

/**
 * The kernel convolved over uniformly active unit-density spheres of 1 g to 1 kg against the
 * analytic self-absorbed fraction of a sphere: phi = integral of f(r) psi(r) dr, f the point
 * source's radial energy deposition and psi(r) = 1 - 3r/(4R) + r^3/(16R^3) the chance that a point
 * at distance r from a random point of the sphere lies in it (Berger 1971). The sphere is drawn
 * on a grid of about 13 voxels per radius, whose stair-step surface loses slightly more.
 */
class SphereAbsorbedFractionTest {
    private static final double MEV_PER_G_TO_MGY_PER_MBQ_S = 0.1602176634;

    @Test
    void lutetiumElectronsInSpheresOfOneGramToOneKilogram() throws Exception {
        DecayData lu = BuiltInDecayData.LU_177;
        List<EmissionLine> electrons = new ArrayList<>(BetaSpectrum.groups(lu));
        electrons.addAll(lu.conversionElectrons());
        electrons.addAll(lu.augerElectrons());
        double[][] massAndVoxel = {{1, 0.5}, {10, 1}, {100, 2}, {1000, 4}};
        StringBuilder table = new StringBuilder("sphere g, voxel mm, absorbed fraction analytic, convolved\n");
        for (double[] mv : massAndVoxel) {
            double radiusMm = Math.cbrt(3 * mv[0] * 1000 / (4 * Math.PI));
            double voxelMm = mv[1];
            double analytic = analyticFraction(electrons, radiusMm);
            double convolved = convolvedFraction(lu, radiusMm, voxelMm);
            table.append(String.format(java.util.Locale.ROOT, "%6.0f %5.1f %.4f %.4f%n", mv[0], voxelMm, analytic, convolved));
            // the stair-step surface of the voxelised sphere loses up to a third more than the smooth one
            assertThat(convolved).as("%s g", mv[0]).isCloseTo(analytic, within(0.35 * (1 - analytic) + 0.002));
        }
        System.out.print(table);
    }

    private static double analyticFraction(List<EmissionLine> electrons, double radiusMm) {
        double binMm = 0.005;
        int bins = (int) Math.ceil(2 * radiusMm / binMm);
        RadialEnergyProfile f = RadialEnergyProfile.ofElectrons(electrons, 1.0, binMm, bins);
        double absorbed = 0;
        for (int n = 0; n < bins; n++) {
            double r = (n + 0.5) * binMm;
            double x = r / radiusMm;
            absorbed += f.energy(n) * (1 - 0.75 * x + x * x * x / 16);
        }
        return absorbed / f.total();
    }

    /** Energy absorbed in the sphere's voxels over the energy its decays emit. */
    private static double convolvedFraction(DecayData lu, double radiusMm, double voxelMm) throws Exception {
        VoxelSKernel kernel = KernelPhysics.compute(lu, new double[] {voxelMm, voxelMm, voxelMm}, 1.0, Emissions.ELECTRONS, 11)
                .kernel();
        int n = (int) Math.ceil(2 * radiusMm / voxelMm) + 12;
        double centre = (n - 1) / 2.0;
        Geometry g = Geometry.axisAligned(n, n, n, new double[] {voxelMm, voxelMm, voxelMm}, new double[] {0, 0, 0});
        Volume tia = new Volume(g);
        boolean[] inside = new boolean[n * n * n];
        int count = 0;
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double dx = (i - centre) * voxelMm;
                    double dy = (j - centre) * voxelMm;
                    double dz = (k - centre) * voxelMm;
                    if (dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm) {
                        inside[i + n * (j + n * k)] = true;
                        tia.set(i, j, k, 1);
                        count++;
                    }
                }
            }
        }
        Volume dose = DoseCalculator.kernelConvolution(tia, kernel);
        double doseInside = 0;
        for (int p = 0; p < inside.length; p++) {
            if (inside[p]) {
                doseInside += dose.voxels()[p];
            }
        }
        // dose (Gy) = TIA (MBq h) * 3600 * S / 1000; energy = dose * mass; per decay: S * mass / 0.1602 MeV
        double voxelMassG = voxelMm * voxelMm * voxelMm / 1000;
        double absorbedMeVPerDecay = doseInside * 1000 / 3600 * voxelMassG / MEV_PER_G_TO_MGY_PER_MBQ_S / count;
        return absorbedMeVPerDecay / lu.electronEnergyMeV();
    }
}
