package org.organdose.dosimetry.kernel;

/**
 * Where a kernel's energy goes, in MeV per decay: what the radionuclide emits, by kind (all
 * kinds, whichever the kernel includes), and what the kernel's voxels absorb (the sum over the
 * kernel of S times voxel mass), for its electrons and its photons.
 */
public record EnergyBudget(double betaMeV, double conversionElectronMeV, double augerElectronMeV,
                           double gammaMeV, double xRayMeV, Emissions included,
                           double absorbedElectronMeV, double absorbedPhotonMeV) {

    public double electronMeV() {
        return betaMeV + conversionElectronMeV + augerElectronMeV;
    }

    public double photonMeV() {
        return gammaMeV + xRayMeV;
    }

    /** Energy emitted per decay in the emissions the kernel includes. */
    public double includedMeV() {
        return (included.includesBetas() ? betaMeV : 0)
                + (included.includesDiscreteElectrons() ? conversionElectronMeV + augerElectronMeV : 0)
                + (included.includesPhotons() ? photonMeV() : 0);
    }

    /** Energy absorbed per decay within the kernel's extent. */
    public double absorbedMeV() {
        return absorbedElectronMeV + absorbedPhotonMeV;
    }
}
