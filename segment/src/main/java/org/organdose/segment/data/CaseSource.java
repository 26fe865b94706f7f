package org.organdose.segment.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.segment.Organ;

/**
 * Where one training case lives and how to read it; {@link #load()} reads it (cases are large, so
 * a dataset is listed first and read case by case).
 *
 * @param id case name
 * @param image the CT: a file or a DICOM folder
 * @param labels the label map file
 * @param mapping from the dataset's label values to ours
 * @param weight relative sampling weight in training
 * @param note where the labels come from, e.g. "manual (IRCAD)"
 */
public record CaseSource(String id, Path image, Path labels, LabelMapping mapping, double weight, String note) {

    public Set<Organ> labelled() {
        return mapping.labelled();
    }

    /** Reads the CT and labels and maps the labels to ours. */
    public LabelledCase load() throws IOException {
        Volume ct = ImageFiles.read(image).volume();
        LabelMap raw = ImageFiles.readLabels(labels);
        return new LabelledCase(id, ct, mapping.apply(raw, ct), mapping.labelled(), weight);
    }
}
