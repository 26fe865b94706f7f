package org.organdose.segment.data;

import java.io.IOException;
import java.util.Set;
import org.organdose.image.Organ;

/** A case for training or evaluation: what it labels and how much it counts, read on demand. */
public interface TrainingCase {
    String id();

    /** Organs the case labels; elsewhere 0 means "not known", not background. */
    Set<Organ> labelled();

    /** Relative sampling weight in training (1 = normal). */
    double weight();

    /** Where the labels come from, for model.json. */
    String note();

    LabelledCase load() throws IOException;
}
