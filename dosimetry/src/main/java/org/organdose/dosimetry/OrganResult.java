package org.organdose.dosimetry;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.organdose.image.Organ;

/**
 * What was measured for one organ.
 *
 * @param organ                which organ
 * @param volumeMl             on the diagnostic CT
 * @param massG                volume times density
 * @param activityMBqByHours   organ activity at each time point (hours p.i. to MBq)
 * @param fit                  the time-activity fit and its integral
 * @param meanDoseGy           mass-weighted mean absorbed dose
 * @param dvh                  cumulative dose-volume histogram
 */
public record OrganResult(Organ organ, double volumeMl, double massG, Map<Double, Double> activityMBqByHours,
                          TimeActivityFit fit, double meanDoseGy, DoseVolumeHistogram dvh) {
    public OrganResult {
        activityMBqByHours = Collections.unmodifiableMap(new TreeMap<>(activityMBqByHours));
    }

    public double tiaMBqH() {
        return fit.tiaMBqH();
    }

    /** D_x in Gy: the highest dose received by at least x % of the organ. */
    public double doseCoveringPercentGy(double percent) {
        return dvh.doseCoveringPercentGy(percent);
    }
}
