package org.organdose.dosimetry.kernel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.organdose.dosimetry.DosimetryInputException;
import org.organdose.dosimetry.VoxelSKernel;

/**
 * Voxel S value kernels from physics, for any radionuclide, voxel size (cubic or not), density of
 * a water-like medium and choice of emissions. The radionuclide's electrons (its beta spectrum as
 * discrete energies, its conversion and Auger lines) and photons (gamma and X-ray lines) each
 * give a radial point kernel ({@link ElectronPointKernel}, {@link PhotonPointKernel}); their sum,
 * binned in distance ({@link RadialEnergyProfile}), is integrated over the source and the target
 * voxel volumes ({@link VoxelPairGeometry}): exactly, through the spherical mean of the
 * source-target offset density, for the target voxels up to two voxels from the source, where the
 * dose varies steeply; by Gauss-Legendre quadrature over the voxel pair beyond. The sum over the
 * kernel of S times voxel mass is the energy absorbed within its extent, reported in the
 * {@link EnergyBudget}.
 *
 * <pre>{@code
 * ComputedKernel k = KernelPhysics.compute(BuiltInDecayData.LU_177, new double[] {4.7952, 4.7952, 4.7952},
 *         1.04, Emissions.ALL, 11);
 * Volume dose = DoseCalculator.kernelConvolution(tiaMBqH, k.kernel());
 * }</pre>
 */
public final class KernelPhysics {
    /** The kernel size of the published tables (Lanconelli et al. 2012): 11 x 11 x 11 voxels. */
    public static final int DEFAULT_EXTENT = 11;
    public static final int MAX_EXTENT = 101;
    /** Radial bins per smallest voxel side. */
    private static final int BINS_PER_VOXEL = 16;
    /** Targets up to this many voxels from the source along every axis are integrated exactly. */
    private static final int EXACT_SHELLS = 2;
    /** 1 MeV/g per decay in mGy per (MBq s): 1.602176634e-13 J / 1e-3 kg * 1e6 /s * 1e3 mGy/Gy. */
    private static final double MGY_PER_MBQ_S_PER_MEV_PER_G = 1.602176634e-1;

    private KernelPhysics() {
    }

    /**
     * @param voxelMm        voxel size along x, y, z in mm
     * @param densityGPerMl  density of the medium, taken to have water's composition (soft tissue 1.04)
     * @param extent         kernel size in voxels along each axis, odd (11: offsets -5..5)
     */
    public static ComputedKernel compute(DecayData decay, double[] voxelMm, double densityGPerMl, Emissions emissions, int extent)
            throws DosimetryInputException {
        check(voxelMm, densityGPerMl, extent);
        int radius = extent / 2;
        List<EmissionLine> electrons = new ArrayList<>();
        if (emissions.includesBetas()) {
            electrons.addAll(BetaSpectrum.groups(decay));
        }
        if (emissions.includesDiscreteElectrons()) {
            electrons.addAll(decay.conversionElectrons());
            electrons.addAll(decay.augerElectrons());
        }
        List<EmissionLine> photons = new ArrayList<>();
        if (emissions.includesPhotons()) {
            photons.addAll(decay.gammaRays());
            photons.addAll(decay.xRays());
        }
        double binMm = Math.min(voxelMm[0], Math.min(voxelMm[1], voxelMm[2])) / BINS_PER_VOXEL;
        VoxelPairGeometry geometry = new VoxelPairGeometry(voxelMm);
        int bins = (int) Math.ceil(geometry.maxDistance(radius, radius, radius) / binMm) + 1;
        RadialEnergyProfile electronProfile = RadialEnergyProfile.ofElectrons(electrons, densityGPerMl, binMm, bins);
        RadialEnergyProfile photonProfile = RadialEnergyProfile.ofPhotons(photons, densityGPerMl, binMm, bins);

        int octant = radius + 1;
        double[] electronOctant = new double[octant * octant * octant];
        double[] photonOctant = new double[electronOctant.length];
        for (int k = 0; k <= radius; k++) {
            for (int j = 0; j <= radius; j++) {
                for (int i = 0; i <= radius; i++) {
                    int at = i + octant * (j + octant * k);
                    if (Math.max(i, Math.max(j, k)) <= EXACT_SHELLS) {
                        double[] both = exactTarget(geometry, i, j, k, electronProfile, photonProfile);
                        electronOctant[at] = both[0];
                        photonOctant[at] = both[1];
                    } else {
                        electronOctant[at] = geometry.boxIntegral(i, j, k, r -> electronProfile.densityTimesR2(r) / (r * r));
                        photonOctant[at] = geometry.boxIntegral(i, j, k, r -> photonProfile.densityTimesR2(r) / (r * r));
                    }
                }
            }
        }
        // MeV/mm^3 per decay -> MeV/g -> mGy/(MBq s)
        double perGram = 1 / (densityGPerMl * 1e-3);
        int size = 2 * radius + 1;
        double[] values = new double[size * size * size];
        double electronSum = 0;
        double photonSum = 0;
        for (int z = 0; z < size; z++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int at = Math.abs(x - radius) + octant * (Math.abs(y - radius) + octant * Math.abs(z - radius));
                    values[x + size * (y + size * z)] = (electronOctant[at] + photonOctant[at]) * perGram * MGY_PER_MBQ_S_PER_MEV_PER_G;
                    electronSum += electronOctant[at];
                    photonSum += photonOctant[at];
                }
            }
        }
        double voxelVolumeMm3 = voxelMm[0] * voxelMm[1] * voxelMm[2];
        EnergyBudget budget = new EnergyBudget(decay.betaEnergyMeV(), decay.conversionElectronEnergyMeV(),
                decay.augerElectronEnergyMeV(), decay.gammaEnergyMeV(), decay.xRayEnergyMeV(), emissions,
                electronSum * voxelVolumeMm3, photonSum * voxelVolumeMm3);
        String description = describe(decay, voxelMm, densityGPerMl, emissions, extent, budget);
        return new ComputedKernel(new VoxelSKernel(radius, voxelMm, values, description), budget);
    }

    /** Electron and photon parts of one target near the source, MeV/mm^3 per decay. */
    private static double[] exactTarget(VoxelPairGeometry geometry, int i, int j, int k,
                                        RadialEnergyProfile electrons, RadialEnergyProfile photons) {
        double h = electrons.binMm();
        int first = (int) Math.floor(geometry.minDistance(i, j, k) / h);
        int last = Math.min(electrons.bins(), (int) Math.ceil(geometry.maxDistance(i, j, k) / h));
        double electron = 0;
        double photon = 0;
        double below = geometry.sphericalMean(i, j, k, first * h);
        for (int n = first; n < last; n++) {
            double above = geometry.sphericalMean(i, j, k, (n + 1) * h);
            electron += electrons.energy(n) * below + electrons.moment(n) * (above - below);
            photon += photons.energy(n) * below + photons.moment(n) * (above - below);
            below = above;
        }
        return new double[] {electron, photon};
    }

    private static void check(double[] voxelMm, double densityGPerMl, int extent) throws DosimetryInputException {
        if (voxelMm.length != 3) {
            throw new DosimetryInputException("voxel size needs 3 values (x, y, z), got " + voxelMm.length);
        }
        for (double v : voxelMm) {
            if (!(v >= 0.01 && v <= 200)) {
                throw new DosimetryInputException("voxel size must be 0.01 to 200 mm, got " + v);
            }
        }
        if (!(densityGPerMl >= 0.01 && densityGPerMl <= 25)) {
            throw new DosimetryInputException("density must be 0.01 to 25 g/mL, got " + densityGPerMl);
        }
        if (extent < 1 || extent > MAX_EXTENT || extent % 2 == 0) {
            throw new DosimetryInputException("kernel extent must be odd, 1 to " + MAX_EXTENT + " voxels, got " + extent);
        }
    }

    private static String describe(DecayData decay, double[] voxelMm, double density, Emissions emissions, int extent, EnergyBudget b) {
        String voxels = VoxelSKernel.voxelText(voxelMm);
        String betas = !emissions.includesBetas() ? ""
                : !decay.tabulatedBetaSpectrum().isEmpty() ? "; beta spectrum: tabulated in the decay data"
                : "; beta spectra: Fermi theory (Fermi function with nuclear size; allowed or first-forbidden unique shape)";
        String electrons = emissions.includesBetas() || emissions.includesDiscreteElectrons()
                ? "; electrons: scaled point kernels from condensed-history transport in water (ICRU-37 Bethe stopping power, CSDA,"
                  + " screened-Rutherford multiple scattering; no straggling, bremsstrahlung absorbed on the track)" : "";
        String photons = emissions.includesPhotons()
                ? "; photons: point kernels with NIST attenuation and energy-absorption coefficients and ANSI/ANS-6.4.3 GP buildup"
                  + " (water, energy-conserving)" : "";
        return String.format(Locale.ROOT, "%s voxel S values, voxels %s mm, extent %dx%dx%d voxels, water-like medium %s g/mL;"
                        + " emissions: %s (%s)%s%s%s; source and target voxel volumes integrated;"
                        + " absorbed within the kernel %.5f of %.5f MeV emitted per decay",
                decay.name(), voxels, extent, extent, extent, BigDecimal.valueOf(density).stripTrailingZeros().toPlainString(), emissions.inWords(), decay.source(),
                betas, electrons, photons, b.absorbedMeV(), b.includedMeV());
    }
}
