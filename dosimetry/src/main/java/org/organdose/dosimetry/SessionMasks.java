package org.organdose.dosimetry;

/** Where a session's organ masks come from when the study gives the session no labels of its own. */
public enum SessionMasks {
    /** The diagnostic labels carried to the session by registering its CT to the diagnostic CT. */
    REGISTER,
    /** The session's own CT segmented automatically (as Nazari et al. did); registration only frames its SPECT. */
    SEGMENT,
    /**
     * The carried labels are used, and the session's CT is segmented too as a check: the Dice
     * between the two per organ is recorded and flagged when low (motion, a bad registration or a
     * bad segmentation).
     */
    BOTH
}
