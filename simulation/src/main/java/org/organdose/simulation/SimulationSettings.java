package org.organdose.simulation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.organdose.dosimetry.DoseKernel;

/**
 * How a Lu-177 SPECT/CT study is simulated from a labelled CT. Immutable; start from
 * {@link #defaults()}.
 *
 * @param seed              random seed: the same seed gives the same study
 * @param hours             acquisition times, hours p.i.
 * @param injectedActivityMBq recorded in the manifest
 * @param kinetics          per compartment ("kidney", "liver", "spleen", "body")
 * @param spectVoxelMm      SPECT voxel size (cubic)
 * @param spectFwhmMm       SPECT resolution (Gaussian FWHM)
 * @param countsPerMBqS     detected counts per MBq in the voxel per second of acquisition (system
 *                          sensitivity); sets the Poisson noise level
 * @param acquisitionSeconds acquisition time per time point
 * @param motionMm          largest patient shift per axis between sessions (0: none); rotations up to
 *                          motionMm / 2 degrees about the body axis
 * @param lowDoseNoiseHu    noise added to the diagnostic CT's to make the session CTs
 * @param lowDoseSliceMm    slice thickness and spacing of the session CTs
 * @param cortexToMedulla   kidney cortex to medulla concentration ratio
 * @param textureFraction   relative amplitude of the smooth uptake texture inside organs
 * @param doseGridMm        voxel size of the true dose map
 * @param kernel            how the true dose is made: a kernel computed for the dose grid (default), a
 *                          kernel file or folder, or local deposition
 * @param densityGPerMl     tissue density for masses and dose
 */
public record SimulationSettings(long seed, double[] hours, double injectedActivityMBq,
                                 Map<String, CompartmentKinetics> kinetics, double spectVoxelMm, double spectFwhmMm,
                                 double countsPerMBqS, double acquisitionSeconds, double motionMm, double lowDoseNoiseHu,
                                 double lowDoseSliceMm, double cortexToMedulla, double textureFraction, double doseGridMm,
                                 DoseKernel kernel, double densityGPerMl) {
    public SimulationSettings {
        hours = hours.clone();
        if (!(motionMm >= 0) || Double.isInfinite(motionMm)) {
            throw new IllegalArgumentException("motion must be a finite number of mm, 0 or more, got " + motionMm);
        }
        kinetics = Map.copyOf(kinetics);
        for (String k : new String[] {"kidney", "liver", "spleen", "body"}) {
            if (!kinetics.containsKey(k)) {
                throw new IllegalArgumentException("kinetics for '" + k + "' missing");
            }
        }
    }

    /**
     * Lu-177 DOTATATE-like kinetics (kidneys fast and slow washout, liver and spleen with an
     * uptake phase), the four time points of the paper, a 4.8 mm SPECT with 11 mm FWHM, a
     * count level of a 30-minute SPECT with a medium-energy collimator, and a kidney cortex 1.5
     * times as hot as the medulla (a 2:1 cortex makes the organ-level GTM read kidney TIA about
     * 5 % low: the hot rim spills out more than a uniform organ's would).
     */
    public static SimulationSettings defaults() {
        Map<String, CompartmentKinetics> k = new LinkedHashMap<>();
        k.put("kidney", CompartmentKinetics.of(0.35, 1.5, 0.5, 45.0));
        k.put("liver", CompartmentKinetics.of(0.06, 70.0, -0.02, 3.0));
        k.put("spleen", CompartmentKinetics.of(0.15, 70.0, -0.05, 4.0));
        k.put("body", CompartmentKinetics.of(0.01, 1.0, 0.002, 40.0));
        return new SimulationSettings(1, new double[] {0.5, 6, 24, 72}, 7400, k, 4.7952, 11.0, 12.0, 1800, 0, 45, 5.0,
                1.5, 0.15, 3.0, DoseKernel.computed(), 1.06);
    }

    public SimulationSettings withSeed(long s) {
        return new SimulationSettings(s, hours, injectedActivityMBq, kinetics, spectVoxelMm, spectFwhmMm, countsPerMBqS,
                acquisitionSeconds, motionMm, lowDoseNoiseHu, lowDoseSliceMm, cortexToMedulla, textureFraction, doseGridMm,
                kernel, densityGPerMl);
    }

    public SimulationSettings withMotionMm(double m) {
        return new SimulationSettings(seed, hours, injectedActivityMBq, kinetics, spectVoxelMm, spectFwhmMm, countsPerMBqS,
                acquisitionSeconds, m, lowDoseNoiseHu, lowDoseSliceMm, cortexToMedulla, textureFraction, doseGridMm,
                kernel, densityGPerMl);
    }

    public SimulationSettings withKernel(DoseKernel k) {
        return new SimulationSettings(seed, hours, injectedActivityMBq, kinetics, spectVoxelMm, spectFwhmMm, countsPerMBqS,
                acquisitionSeconds, motionMm, lowDoseNoiseHu, lowDoseSliceMm, cortexToMedulla, textureFraction, doseGridMm,
                k, densityGPerMl);
    }

    public SimulationSettings withCountsPerMBqS(double c) {
        return new SimulationSettings(seed, hours, injectedActivityMBq, kinetics, spectVoxelMm, spectFwhmMm, c,
                acquisitionSeconds, motionMm, lowDoseNoiseHu, lowDoseSliceMm, cortexToMedulla, textureFraction, doseGridMm,
                kernel, densityGPerMl);
    }

    /** Kinetics group of an organ key: both kidneys share the kidney curve. */
    public CompartmentKinetics kineticsOf(String organKey) {
        return kinetics.get(organKey.startsWith("kidney") ? "kidney" : organKey);
    }

    @Override
    public double[] hours() {
        return hours.clone();
    }
}
