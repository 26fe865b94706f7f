package org.organdose.image.io.dicom;

/**
 * DICOM value representations. In explicit VR encodings the ones flagged {@code longHeader} have
 * two reserved bytes and a 4-byte length; the others a 2-byte length (PS3.5 section 7.1.2).
 */
public enum Vr {
    AE(false), AS(false), AT(false), CS(false), DA(false), DS(false), DT(false), FL(false), FD(false),
    IS(false), LO(false), LT(false), OB(true), OD(true), OF(true), OL(true), OV(true), OW(true),
    PN(false), SH(false), SL(false), SQ(true), SS(false), ST(false), SV(true), TM(false), UC(true),
    UI(false), UL(false), UN(true), UR(true), US(false), UT(true), UV(true);

    private final boolean longHeader;

    Vr(boolean longHeader) {
        this.longHeader = longHeader;
    }

    boolean longHeader() {
        return longHeader;
    }

    /** The VR spelled by two bytes, or null when they spell none. */
    static Vr of(byte first, byte second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        try {
            return valueOf(new String(new char[] {(char) first, (char) second}));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the value is text (split on backslashes into several values). */
    boolean isText() {
        return switch (this) {
            case AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT -> true;
            default -> false;
        };
    }
}
