package org.organdose.segment;

import java.util.List;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;

/**
 * What was found for one organ.
 *
 * @param organ the organ
 * @param volumeMl volume of its label on the output grid, mL (0 when not found)
 * @param massG mass at the soft-tissue density {@link #DENSITY_G_PER_ML} (the paper's 1.06 g/mL)
 * @param slicesInterpolated working-grid axial slices inside the organ's extent that the network
 *     left empty and that were filled by interpolating their neighbours
 * @param warnings problems a physicist should check, one line each
 */
public record OrganReport(Organ organ, double volumeMl, double massG, int slicesInterpolated, List<String> warnings) {
    /** Soft-tissue density used for organ masses (Nazari et al. 2021). */
    public static final double DENSITY_G_PER_ML = 1.06;

    public OrganReport {
        warnings = List.copyOf(warnings);
    }

    public boolean found() {
        return volumeMl > 0;
    }

    /** Measures {@code organ} in {@code labels}. */
    public static OrganReport measure(LabelMap labels, Organ organ, int slicesInterpolated, List<String> warnings) {
        double ml = labels.volumeMl(organ.label());
        return new OrganReport(organ, ml, ml * DENSITY_G_PER_ML, slicesInterpolated, warnings);
    }
}
