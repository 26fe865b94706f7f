package org.organdose.dosimetry.kernel;

/**
 * The shape factor of a beta transition beyond the Fermi function and phase space: 1 for allowed
 * transitions (and for non-unique forbidden ones, whose shape is close to allowed), q^2 + lambda2 p^2
 * for first-forbidden unique ones (a spin change of 2 with a change of parity, such as Y-90's main
 * branch 2- to 0+).
 */
public enum BetaShape {
    ALLOWED,
    FIRST_FORBIDDEN_UNIQUE
}
