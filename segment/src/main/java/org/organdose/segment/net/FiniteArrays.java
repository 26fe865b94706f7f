package org.organdose.segment.net;

import ai.djl.ndarray.NDArray;

/** Whether arrays of weights or gradients hold only finite numbers. */
final class FiniteArrays {
    private FiniteArrays() {
    }

    /**
     * Whether no element is NaN or infinite. One such element makes the sum non-finite, and one
     * native sum is far cheaper than reading the array into Java; a sum of finite values beyond
     * float range also counts as not finite, which for weights or gradients is a divergence too.
     */
    static boolean finite(NDArray values) {
        try (NDArray sum = values.sum()) {
            return Float.isFinite(sum.getFloat());
        }
    }
}
