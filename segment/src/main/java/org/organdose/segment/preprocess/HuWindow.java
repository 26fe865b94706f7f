package org.organdose.segment.preprocess;

/**
 * The only intensity preprocessing of the paper: HU clipped to [low, high] and scaled to [0, 1].
 * [-100, 200] keeps fat-to-soft-tissue and contrast-enhanced organ contrast and discards lung,
 * air and bone detail that does not help to find the liver, kidneys and spleen.
 */
public record HuWindow(double low, double high) {
    public static final HuWindow PAPER = new HuWindow(-100, 200);

    public HuWindow {
        if (!(high > low)) {
            throw new IllegalArgumentException("HU window needs low < high, got [" + low + ", " + high + "]");
        }
    }

    public static HuWindow of(double[] lowHigh) {
        return new HuWindow(lowHigh[0], lowHigh[1]);
    }

    public double[] toArray() {
        return new double[] {low, high};
    }

    /** HU to the network's input range [0, 1]. */
    public float apply(float hu) {
        double v = (hu - low) / (high - low);
        return (float) (v < 0 ? 0 : v > 1 ? 1 : v);
    }
}
