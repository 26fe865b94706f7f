package org.organdose.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AxisTest {
    @Test
    void linearAxesEndOnRoundTicks() {
        Axis a = Axis.linear(0, 79.2, 0, 100);
        assertThat(a.ticks()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0);
        assertThat(a.toPixel(40)).isCloseTo(50, within(1e-9));
        assertThat(Axis.linear(0, 0.87, 0, 1).ticks()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(Axis.linear(0, 5.808, 0, 1).max()).isEqualTo(6.0);
        assertThat(Axis.linear(0, 0, 0, 1).max()).isPositive();
    }

    @Test
    void logarithmicAxesSpanWholeDecades() {
        Axis a = Axis.logarithmic(9.6, 140, 300, 0);
        assertThat(a.min()).isEqualTo(1.0);
        assertThat(a.max()).isEqualTo(1000.0);
        assertThat(a.ticks()).containsExactly(1.0, 10.0, 100.0, 1000.0);
        assertThat(a.toPixel(10)).isCloseTo(200, within(1e-9));
        assertThat(Axis.logarithmic(0.3, 4, 0, 1).ticks()).containsExactly(0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0);
        assertThat(a.contains(0)).isFalse();
    }

    @Test
    void labelsAreShortAndPlain() {
        assertThat(Axis.label(1000.0)).isEqualTo("1000");
        assertThat(Axis.label(0.2)).isEqualTo("0.2");
        assertThat(Axis.label(-0.0)).isEqualTo("0");
    }
}
