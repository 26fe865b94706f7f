package org.organdose.segment;

import org.organdose.image.Organ;
import org.organdose.image.Volume;

/**
 * Segments the organs of a CT. Implementations (the 2.5D U-Net here, other networks later) all
 * answer on the input CT's own grid, so that results can be compared and handed to dosimetry
 * without any resampling by the caller.
 */
public interface Segmenter {

    /**
     * @param ct CT in Hounsfield units with its geometry; it is not modified
     * @return the organ labels on exactly {@code ct.geometry()} (values of {@link Organ#label()}),
     *     with per-organ measurements and warnings (an organ not found is a warning, not an error)
     */
    Segmentation segment(Volume ct) throws SegmentationException;
}
