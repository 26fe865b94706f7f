package org.organdose.dosimetry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One session CT's rigid registration to the diagnostic CT, as results.json records it under
 * {@code settings.registration.timepoints}: the transform maps diagnostic-CT points to this
 * session's CT points in LPS mm, x -> R (x - centre) + centre + translation.
 *
 * @param moving                   the session CT (file name)
 * @param fixed                    the diagnostic CT
 * @param largestDisplacementMm    the largest shift the transform gives a corner of the diagnostic CT
 * @param motionNegligible         below 0.25 mm everywhere: the session is used as lying in the diagnostic frame
 * @param diceCarriedVsSegmented   per organ, Dice of the carried masks against the session's CT segmented; null if not checked
 * @param diceCarriedVsOwnLabels   per organ, Dice of the carried masks against the session's own labels; null if none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"hours", "moving", "fixed", "maps"})
public record RegistrationRecord(
        @JsonProperty("hours") double hours,
        @JsonProperty("moving") String moving,
        @JsonProperty("fixed") String fixed,
        @JsonProperty("euler_deg_zyx") double[] eulerDegZyx,
        @JsonProperty("rotation_angle_deg") double rotationAngleDeg,
        @JsonProperty("centre_mm") double[] centreMm,
        @JsonProperty("translation_mm") double[] translationMm,
        @JsonProperty("matrix_lps") double[] matrixLps,
        @JsonProperty("ncc") double ncc,
        @JsonProperty("iterations_per_level") int[] iterationsPerLevel,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("largest_displacement_mm") double largestDisplacementMm,
        @JsonProperty("motion_negligible") boolean motionNegligible,
        @JsonProperty("dice_carried_vs_segmented") Map<String, Double> diceCarriedVsSegmented,
        @JsonProperty("dice_carried_vs_own_labels") Map<String, Double> diceCarriedVsOwnLabels) {

    /** What the transform maps, in words, for readers of results.json. */
    @JsonProperty("maps")
    public String maps() {
        return "diagnostic-CT points to this session's CT points, LPS mm: x -> R (x - centre) + centre + translation";
    }

    RegistrationRecord withDiceCarriedVsSegmented(Map<String, Double> dice) {
        return new RegistrationRecord(hours, moving, fixed, eulerDegZyx, rotationAngleDeg, centreMm, translationMm, matrixLps,
                ncc, iterationsPerLevel, seconds, largestDisplacementMm, motionNegligible, Collections.unmodifiableMap(new LinkedHashMap<>(dice)), diceCarriedVsOwnLabels);
    }

    RegistrationRecord withDiceCarriedVsOwnLabels(Map<String, Double> dice) {
        return new RegistrationRecord(hours, moving, fixed, eulerDegZyx, rotationAngleDeg, centreMm, translationMm, matrixLps,
                ncc, iterationsPerLevel, seconds, largestDisplacementMm, motionNegligible, diceCarriedVsSegmented, Collections.unmodifiableMap(new LinkedHashMap<>(dice)));
    }
}
