package org.organdose.segment.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.organdose.image.Organ;

class SyntheticCasesTest {
    @Test
    void sameSeedSamePatientsEveryOrganLabelled() {
        List<TrainingCase> a = SyntheticCases.of(3, 0.2, 7);
        List<TrainingCase> b = SyntheticCases.of(3, 0.2, 7);
        assertThat(a).extracting(TrainingCase::id).containsExactly("synthetic-00", "synthetic-01", "synthetic-02");
        assertThat(a).extracting(TrainingCase::note).isEqualTo(b.stream().map(TrainingCase::note).toList());
        assertThat(a).allMatch(c -> c.weight() == 0.2 && c.labelled().equals(EnumSet.allOf(Organ.class)));
        assertThat(SyntheticCases.of(3, 0.2, 8)).extracting(TrainingCase::note).isNotEqualTo(a.stream().map(TrainingCase::note).toList());
    }

    @Test
    void loadedCaseHoldsEveryOrganOnTheCtGrid() throws Exception {
        LabelledCase c = SyntheticCases.of(1, 1, 3).get(0).load();
        assertThat(c.labels().geometry()).isEqualTo(c.ct().geometry());
        for (Organ o : Organ.values()) {
            assertThat(c.labels().count(o.label())).as(o.key()).isPositive();
        }
        assertThat(c.ct().geometry().spacing(0)).isEqualTo(2.0);
    }

    @Test
    void rejectsNonsense() {
        assertThat(SyntheticCases.of(0, 1, 1)).isEmpty();
        assertThatThrownBy(() -> SyntheticCases.of(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SyntheticCases.of(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
