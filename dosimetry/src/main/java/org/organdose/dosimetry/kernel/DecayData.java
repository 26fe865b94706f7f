package org.organdose.dosimetry.kernel;

import java.util.List;

/**
 * What a radionuclide emits per decay, as a voxel S value kernel needs it: beta-minus branches
 * (their spectra follow from Fermi theory, or from {@code tabulatedBetaSpectrum} when given),
 * conversion and Auger electrons and gamma and X-ray lines. Energies in MeV, yields per decay.
 *
 * @param daughterAtomicNumber    Z of the daughter nucleus, for the Fermi function
 * @param massNumber              A, for the nuclear radius in the Fermi function
 * @param tabulatedBetaSpectrum   the summed beta spectrum per beta decay (density per MeV), or
 *                                empty to build it from the branches
 * @param source                  where the numbers come from
 */
public record DecayData(String name, double halfLifeHours, int daughterAtomicNumber, int massNumber,
                        List<BetaBranch> betaBranches, List<SpectrumPoint> tabulatedBetaSpectrum,
                        List<EmissionLine> conversionElectrons, List<EmissionLine> augerElectrons,
                        List<EmissionLine> gammaRays, List<EmissionLine> xRays, String source) {

    public DecayData {
        if (daughterAtomicNumber < 1 || daughterAtomicNumber > 120 || massNumber < daughterAtomicNumber || !(halfLifeHours > 0)) {
            throw new IllegalArgumentException(name + ": needs 1 <= Z <= 120, A >= Z and a half-life > 0");
        }
        betaBranches = List.copyOf(betaBranches);
        tabulatedBetaSpectrum = List.copyOf(tabulatedBetaSpectrum);
        conversionElectrons = List.copyOf(conversionElectrons);
        augerElectrons = List.copyOf(augerElectrons);
        gammaRays = List.copyOf(gammaRays);
        xRays = List.copyOf(xRays);
    }

    /** Beta decays per decay (the branch yields summed). */
    public double betaYieldPerDecay() {
        return betaBranches.stream().mapToDouble(BetaBranch::yieldPerDecay).sum();
    }

    /** Mean beta energy emitted per decay, from the spectrum the kernel uses. */
    public double betaEnergyMeV() {
        return energyOf(BetaSpectrum.groups(this));
    }

    public double conversionElectronEnergyMeV() {
        return energyOf(conversionElectrons);
    }

    public double augerElectronEnergyMeV() {
        return energyOf(augerElectrons);
    }

    /** Betas, conversion and Auger electrons: what local energy deposition assumes is absorbed. */
    public double electronEnergyMeV() {
        return betaEnergyMeV() + conversionElectronEnergyMeV() + augerElectronEnergyMeV();
    }

    public double gammaEnergyMeV() {
        return energyOf(gammaRays);
    }

    public double xRayEnergyMeV() {
        return energyOf(xRays);
    }

    static double energyOf(List<EmissionLine> lines) {
        return lines.stream().mapToDouble(EmissionLine::energyPerDecayMeV).sum();
    }
}
