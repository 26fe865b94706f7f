package org.organdose.dosimetry.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.organdose.dosimetry.DosimetryInputException;

/** Which emissions of a decay a kernel includes, so that each part can be computed and checked alone. */
public enum Emissions {
    /** The beta spectrum only. */
    BETAS(true, false, false),
    /** Betas, conversion electrons and Auger electrons. */
    ELECTRONS(true, true, false),
    /** Gamma and X-rays only. */
    PHOTONS(false, false, true),
    /** Every electron and photon. */
    ALL(true, true, true);

    private final boolean betas;
    private final boolean discreteElectrons;
    private final boolean photons;

    Emissions(boolean betas, boolean discreteElectrons, boolean photons) {
        this.betas = betas;
        this.discreteElectrons = discreteElectrons;
        this.photons = photons;
    }

    public boolean includesBetas() {
        return betas;
    }

    /** Conversion and Auger electrons. */
    public boolean includesDiscreteElectrons() {
        return discreteElectrons;
    }

    /** Gamma and X-rays. */
    public boolean includesPhotons() {
        return photons;
    }

    /** What the kernel includes, in words, e.g. "betas + conversion and Auger electrons". */
    public String inWords() {
        return switch (this) {
            case BETAS -> "betas";
            case ELECTRONS -> "betas + conversion and Auger electrons";
            case PHOTONS -> "gamma and X-rays";
            case ALL -> "betas + conversion and Auger electrons + gamma and X-rays";
        };
    }

    /** The value named {@code name} in any letter case ("betas", "ALL"). */
    public static Emissions fromName(String name) throws DosimetryInputException {
        for (Emissions e : values()) {
            if (e.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return e;
            }
        }
        throw new DosimetryInputException("unknown emissions '" + name + "'; known: "
                + Arrays.stream(values()).map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
