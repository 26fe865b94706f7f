package org.organdose.segment.infer;

/**
 * The paper's consensus of three planes (Nazari et al. 2021, Eq. 2): a voxel belongs to an organ
 * when at least two of the axial, coronal and sagittal predictions say so,
 * {@code p = xy OR xz OR yz}. Classes exclude each other, so at most one class can win; a voxel
 * on which all three planes disagree is background.
 */
public final class ConsensusVote {
    private ConsensusVote() {
    }

    /** Per-voxel majority of three class maps of equal length. */
    public static byte[] vote(byte[] axial, byte[] coronal, byte[] sagittal) {
        if (axial.length != coronal.length || axial.length != sagittal.length) {
            throw new IllegalArgumentException("the three planes' predictions differ in size");
        }
        byte[] out = new byte[axial.length];
        for (int p = 0; p < out.length; p++) {
            byte a = axial[p];
            byte c = coronal[p];
            byte s = sagittal[p];
            out[p] = a == c || a == s ? a : c == s ? c : 0;
        }
        return out;
    }
}
