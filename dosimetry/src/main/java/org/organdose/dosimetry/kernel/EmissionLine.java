package org.organdose.dosimetry.kernel;

/** A discrete emission: particles of one energy, and how many are emitted per decay. */
public record EmissionLine(double energyMeV, double yieldPerDecay) {
    public EmissionLine {
        if (!(energyMeV > 0) || !(yieldPerDecay >= 0) || Double.isInfinite(energyMeV) || Double.isInfinite(yieldPerDecay)) {
            throw new IllegalArgumentException("an emission line needs an energy > 0 and a yield >= 0, got "
                    + energyMeV + " MeV, " + yieldPerDecay);
        }
    }

    /** Energy emitted per decay in this line. */
    public double energyPerDecayMeV() {
        return energyMeV * yieldPerDecay;
    }
}
