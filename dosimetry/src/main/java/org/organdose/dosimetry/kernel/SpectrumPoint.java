package org.organdose.dosimetry.kernel;

/** One point of a tabulated beta spectrum: kinetic energy and probability density per MeV. */
public record SpectrumPoint(double energyMeV, double perMeV) {
}
