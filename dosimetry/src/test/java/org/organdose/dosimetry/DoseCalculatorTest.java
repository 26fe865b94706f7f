package org.organdose.dosimetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.organdose.image.Geometry;
import org.organdose.image.Volume;

class DoseCalculatorTest {
    /** Dose times mass, summed, equals TIA times the mean electron energy per decay. */
    @Test
    void localDepositionConservesEnergy() {
        Geometry g = Geometry.axisAligned(6, 5, 4, new double[] {3, 3, 2}, new double[] {0, 0, 0});
        Random rnd = new Random(1);
        float[] tia = new float[g.voxelCount()];
        double tiaTotal = 0;
        for (int p = 0; p < tia.length; p++) {
            tia[p] = rnd.nextFloat() * 10;
            tiaTotal += tia[p];
        }
        double density = 1.06;
        Volume dose = DoseCalculator.localDeposition(new Volume(g, tia), Radionuclides.LU_177, density);
        double voxelMassKg = density * g.voxelVolumeMm3() / 1e6;
        double energyJ = 0;
        for (float d : dose.voxels()) {
            energyJ += d * voxelMassKg;
        }
        double expectedJ = tiaTotal * 3.6e9 * Radionuclides.LU_177.meanElectronEnergyMeV() * 1.602176634e-13;
        assertThat(energyJ).isCloseTo(expectedJ, within(1e-5 * expectedJ));
    }

    @Test
    void kernelConvolutionScalesToGray() {
        Geometry g = Geometry.axisAligned(5, 5, 5, new double[] {3, 3, 3}, new double[] {0, 0, 0});
        float[] tia = new float[125];
        tia[62] = 2;
        double[] k = new double[27];
        k[13] = 0.5;
        Volume dose = DoseCalculator.kernelConvolution(new Volume(g, tia), new VoxelSKernel(1, 3.0, k, "test"));
        // 2 MBq h * 3600 s/h * 0.5 mGy/(MBq s) = 3600 mGy
        assertThat(dose.voxels()[62]).isCloseTo(3.6f, within(1e-5f));
    }
}
