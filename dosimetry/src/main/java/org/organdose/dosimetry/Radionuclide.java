package org.organdose.dosimetry;

import java.util.List;

/**
 * Decay data of a radionuclide used for dosimetry.
 *
 * @param name                     e.g. "Lu-177"
 * @param halfLifeHours            physical half-life
 * @param meanElectronEnergyMeV    mean energy emitted as electrons per decay (beta particles,
 *                                 conversion and Auger electrons): what a local-deposition dose
 *                                 calculation assumes is absorbed where the decay happens
 * @param photonLines              main gamma lines
 * @param source                   where the numbers come from
 */
public record Radionuclide(String name, double halfLifeHours, double meanElectronEnergyMeV,
                           List<PhotonLine> photonLines, String source) {

    /** A gamma line: energy and number of photons per decay. */
    public record PhotonLine(double energyKeV, double yieldPerDecay) {
    }

    public Radionuclide {
        photonLines = List.copyOf(photonLines);
    }

    /** Physical decay constant in 1/h. */
    public double decayConstantPerHour() {
        return Math.log(2) / halfLifeHours;
    }
}
