package org.organdose.segment.preprocess;

import java.util.Arrays;
import org.organdose.image.Plane;
import org.organdose.image.Volume;

/**
 * The 2.5D network inputs of a CT on its working grid: for a plane and a slice, the k adjacent
 * slices centred on it (slices beyond the volume repeat the border slice), windowed to [0, 1] and
 * padded with 0 to the size the network needs. Also writes a predicted slice back into the
 * volume, so that the same index mapping serves both ways.
 */
public final class SliceStacks {
    private final float[] values;
    private final int[] n;
    private final int slicesPerStack;

    public SliceStacks(Volume working, HuWindow window, int slicesPerStack) {
        float[] hu = working.voxels();
        this.values = new float[hu.length];
        for (int p = 0; p < hu.length; p++) {
            values[p] = window.apply(hu[p]);
        }
        this.n = working.geometry().sizes();
        this.slicesPerStack = slicesPerStack;
    }

    public int slices(Plane plane) {
        return n[plane.normalAxis()];
    }

    public int rows(Plane plane) {
        return n[plane.rowAxis()];
    }

    public int columns(Plane plane) {
        return n[plane.columnAxis()];
    }

    /** Smallest multiple of {@code multiple} that holds {@code size}. */
    public static int padded(int size, int multiple) {
        return (size + multiple - 1) / multiple * multiple;
    }

    /**
     * Writes the stack of {@code slice} as {@code k * paddedRows * paddedColumns} values into
     * {@code out} from {@code offset}.
     */
    public void stack(Plane plane, int slice, float[] out, int offset, int paddedRows, int paddedColumns) {
        int half = slicesPerStack / 2;
        int planeSize = paddedRows * paddedColumns;
        Arrays.fill(out, offset, offset + slicesPerStack * planeSize, 0f);
        int[] idx = new int[3];
        for (int d = 0; d < slicesPerStack; d++) {
            idx[plane.normalAxis()] = Math.max(0, Math.min(slices(plane) - 1, slice + d - half));
            int base = offset + d * planeSize;
            for (int r = 0; r < rows(plane); r++) {
                idx[plane.rowAxis()] = rowIndex(plane, r);
                for (int c = 0; c < columns(plane); c++) {
                    idx[plane.columnAxis()] = c;
                    out[base + r * paddedColumns + c] = values[voxel(idx)];
                }
            }
        }
    }

    /** Copies a predicted slice ({@code paddedRows * paddedColumns} from {@code offset}) into {@code volume}. */
    public void putSlice(Plane plane, int slice, byte[] predicted, int offset, int paddedColumns, byte[] volume) {
        int[] idx = new int[3];
        idx[plane.normalAxis()] = slice;
        for (int r = 0; r < rows(plane); r++) {
            idx[plane.rowAxis()] = rowIndex(plane, r);
            for (int c = 0; c < columns(plane); c++) {
                idx[plane.columnAxis()] = c;
                volume[voxel(idx)] = predicted[offset + r * paddedColumns + c];
            }
        }
    }

    private int rowIndex(Plane plane, int r) {
        return plane.rowsReversed() ? rows(plane) - 1 - r : r;
    }

    private int voxel(int[] idx) {
        return idx[0] + n[0] * (idx[1] + n[1] * idx[2]);
    }
}
