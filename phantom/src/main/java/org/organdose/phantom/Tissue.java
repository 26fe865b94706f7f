package org.organdose.phantom;

/**
 * The tissue classes of the phantom's tissue map, with their CT numbers per contrast phase and the
 * amplitude of their low-frequency texture. The tissue map stores {@link #code()}; SPECT simulation
 * uses it for heterogeneous uptake (kidney cortex versus medulla, tumours inside the liver).
 *
 * <p>CT numbers follow typical adult values: non-contrast liver 55-65 HU, kidney ~30 HU,
 * spleen ~48 HU, blood ~40 HU; arterial aorta ~280 HU with corticomedullary kidney
 * enhancement; portal venous liver ~110 HU, spleen ~118 HU, kidney cortex ~170 HU.
 */
public enum Tissue {
    //                 none  arterial portal texture
    AIR(               -1000, -1000, -1000,  0),
    LUNG(               -860,  -860,  -855, 25),
    FAT(                -100,  -100,   -98, 10),
    SKIN(                 30,    35,    40,  5),
    MUSCLE(               50,    55,    62,  5),
    CORTICAL_BONE(       850,   850,   850, 60),
    CANCELLOUS_BONE(     210,   215,   220, 28),
    CARTILAGE(           110,   110,   115,  8),
    DISC(                 85,    88,    95,  6),
    SPINAL_CANAL(         20,    20,    22,  3),
    LIVER(                60,    78,   110,  4),
    LIVER_VESSEL(         38,   110,   175,  3),
    TUMOUR(               38,   125,    72,  6),
    GALLBLADDER(          10,    10,    12,  2),
    KIDNEY_CORTEX(        33,   185,   170,  4),
    KIDNEY_MEDULLA(       29,    70,   125,  4),
    RENAL_PELVIS(         12,    12,    15,  3),
    SPLEEN(               48,   110,   118,  4),
    PANCREAS(             42,   115,    95, 12),
    ARTERIAL_BLOOD(       42,   280,   170,  3),
    VENOUS_BLOOD(         42,    95,   150,  3),
    PORTAL_BLOOD(         42,   140,   175,  3),
    HEART(                40,   210,   150,  5),
    GUT_WALL(             40,    75,    90,  5),
    GUT_FLUID(            15,    15,    18,  6),
    FECES(               -60,   -60,   -60, 90),
    GAS(                -990,  -990,  -990,  8),
    TABLE_SHELL(         180,   180,   180,  5),
    TABLE_FOAM(         -950,  -950,  -950,  5);

    private final float[] hu;
    private final float textureHu;

    Tissue(float none, float arterial, float portal, float textureHu) {
        this.hu = new float[] {none, arterial, portal};
        this.textureHu = textureHu;
    }

    /** Code stored in the tissue map (0 = air outside the patient). */
    public int code() { return ordinal(); }

    /** Mean CT number (HU) of this tissue in a contrast phase, before texture and noise. */
    public float hu(ContrastPhase phase) { return hu[phase.ordinal()]; }

    /** Standard deviation (HU) of this tissue's smooth texture. */
    public float textureHu() { return textureHu; }

    /** The tissue with this code. */
    public static Tissue ofCode(int code) {
        Tissue[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("no tissue with code " + code);
        }
        return all[code];
    }
}
