package org.organdose.phantom;

/** The contrast-enhancement phase imitated by the phantom's CT numbers. */
public enum ContrastPhase {
    /** No iodinated contrast: blood ~40 HU, liver ~60 HU, kidneys ~30 HU. */
    NONE,
    /** Late arterial phase (~35 s): bright aorta, corticomedullary kidney enhancement, hypervascular lesions bright. */
    ARTERIAL,
    /** Portal venous phase (~70 s): enhanced liver, spleen and veins, nephrographic kidneys. */
    PORTAL_VENOUS
}
