package org.organdose.image.io.dicom;

import java.math.BigInteger;
import java.util.UUID;

/**
 * New DICOM UIDs under the 2.25 root, which needs no registration: "2.25." followed by a random
 * UUID as an unsigned decimal integer (PS3.5 B.2), at most 44 characters.
 */
public final class DicomUids {
    private DicomUids() {
    }

    /** A new, globally unique UID. */
    public static String create() {
        UUID u = UUID.randomUUID();
        BigInteger value = new BigInteger(1, toBytes(u.getMostSignificantBits(), u.getLeastSignificantBits()));
        return "2.25." + value;
    }

    private static byte[] toBytes(long high, long low) {
        byte[] b = new byte[16];
        for (int k = 0; k < 8; k++) {
            b[k] = (byte) (high >>> (56 - 8 * k));
            b[8 + k] = (byte) (low >>> (56 - 8 * k));
        }
        return b;
    }
}
