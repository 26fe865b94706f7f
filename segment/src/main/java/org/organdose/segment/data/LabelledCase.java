package org.organdose.segment.data;

import java.util.Set;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;
import org.organdose.image.Organ;

/**
 * A CT with its organ labels (values of {@link Organ#label()}), read and mapped from any dataset.
 *
 * @param id case name, unique within a training set
 * @param ct the CT in HU
 * @param labels the organ labels on their own grid (usually the CT's)
 * @param labelled the organs this case labels; elsewhere 0 means "not known", not background
 * @param weight how often training draws from this case relative to others (1 = normal)
 */
public record LabelledCase(String id, Volume ct, LabelMap labels, Set<Organ> labelled, double weight) implements TrainingCase {
    public LabelledCase {
        labelled = Set.copyOf(labelled);
    }

    @Override
    public String note() {
        return "in memory";
    }

    @Override
    public LabelledCase load() {
        return this;
    }
}
