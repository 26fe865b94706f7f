package org.organdose.segment.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.organdose.image.LabelMap;
import org.organdose.image.Volume;
import org.organdose.image.io.ImageFiles;
import org.organdose.image.Organ;

/**
 * Where one case's files are and how to read them; {@link #load()} reads them (cases are large, so
 * a dataset is listed first and read case by case).
 *
 * @param id case name
 * @param image the CT: a file or a DICOM folder
 * @param labels the label map file
 * @param mapping from the dataset's label values to ours
 * @param weight relative sampling weight in training
 * @param note where the labels come from, e.g. "manual (IRCAD)"
 */
public record CaseFiles(String id, Path image, Path labels, LabelMapping mapping, double weight, String note) implements TrainingCase {

    @Override
    public Set<Organ> labelled() {
        return mapping.labelled();
    }

    /** Reads the CT and labels and maps the labels to ours. */
    @Override
    public LabelledCase load() throws IOException {
        Volume ct = ImageFiles.read(image).volume();
        LabelMap raw = ImageFiles.readLabels(labels);
        return new LabelledCase(id, ct, mapping.apply(raw, ct), mapping.labelled(), weight);
    }
}
