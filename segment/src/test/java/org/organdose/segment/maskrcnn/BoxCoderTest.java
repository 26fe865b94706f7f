package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxCoderTest {
    // reference centre (5, 10), size 10 x 20; target centre (12, 14), size 20 x 20
    private static final float[] REFERENCE = {0, 0, 10, 20};
    private static final float[] TARGET = {2, 4, 22, 24};

    @Test
    void rpnDeltasOfAHandMadePair() {
        float[] d = BoxCoder.forRpn().encode(REFERENCE, TARGET);
        assertThat(d[0]).isCloseTo(0.7f, within(1e-6f));
        assertThat(d[1]).isCloseTo(0.2f, within(1e-6f));
        assertThat(d[2]).isCloseTo((float) Math.log(2), within(1e-6f));
        assertThat(d[3]).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void headDeltasAreWeighted10And5() {
        float[] d = BoxCoder.forHeads().encode(REFERENCE, TARGET);
        assertThat(d[0]).isCloseTo(7f, within(1e-5f));
        assertThat(d[1]).isCloseTo(2f, within(1e-5f));
        assertThat(d[2]).isCloseTo((float) (5 * Math.log(2)), within(1e-5f));
        assertThat(d[3]).isCloseTo(0f, within(1e-6f));
        assertThat(BoxCoder.forHeads().decode(REFERENCE, d)).containsExactly(TARGET, within(1e-5f));
    }

    @Test
    void decodingInvertsEncoding() {
        Random random = new Random(3);
        int n = 200;
        float[] refs = new float[4 * n];
        float[] targets = new float[4 * n];
        for (float[] boxes : new float[][] {refs, targets}) {
            for (int i = 0; i < n; i++) {
                float x = random.nextFloat() * 200 - 50;
                float y = random.nextFloat() * 200 - 50;
                boxes[4 * i] = x;
                boxes[4 * i + 1] = y;
                // sizes 10..160 px: size ratios stay under the 1000/16 clip
                boxes[4 * i + 2] = x + 10 + random.nextFloat() * 150;
                boxes[4 * i + 3] = y + 10 + random.nextFloat() * 150;
            }
        }
        for (BoxCoder coder : new BoxCoder[] {BoxCoder.forRpn(), BoxCoder.forHeads()}) {
            float[] back = coder.decode(refs, coder.encode(refs, targets));
            double worst = 0;
            for (int i = 0; i < back.length; i++) {
                worst = Math.max(worst, Math.abs(back[i] - targets[i]));
            }
            // single-precision deltas and coordinates up to ~300 px: a few float ulps
            assertThat(worst).isLessThan(1e-4);
        }
    }

    @Test
    void zeroDeltasGiveTheReference() {
        assertThat(BoxCoder.forHeads().decode(REFERENCE, new float[4])).containsExactly(REFERENCE, within(1e-6f));
    }

    @Test
    void wildSizeDeltasAreClippedAt1000Over16() {
        float[] box = BoxCoder.forRpn().decode(REFERENCE, new float[] {0, 0, 50, -50});
        assertThat(box[2] - box[0]).isCloseTo(10 * 1000f / 16, within(1e-2f)); // clipped from above
        assertThat(box[3] - box[1]).isCloseTo((float) (20 * Math.exp(-50)), within(1e-6f)); // not from below
        assertThat((box[0] + box[2]) / 2).isCloseTo(5f, within(1e-3f));
    }
}
