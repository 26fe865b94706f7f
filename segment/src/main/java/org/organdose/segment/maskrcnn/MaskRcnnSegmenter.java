package org.organdose.segment.maskrcnn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.OrganReport;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.Segmenter;
import org.organdose.segment.infer.SliceSegmenter;
import org.organdose.segment.net.NetworkClasses;

/**
 * Segments a CT with the paper's Mask R-CNN: slice by slice along the mode's planes, each slice's
 * detections ({@link MaskRcnn#detect}: score at least {@link MaskRcnnNetwork#scoreThreshold()}, per-class
 * NMS) pasted into it ({@link Detections#paste}), then exactly as the U-Net: the consensus of
 * planes, post-processing and resampling onto the input grid ({@link SliceSegmenter}).
 *
 * <p>It also counts, per organ, the working-grid axial slices inside the organ's final extent in
 * which the detector found nothing of it: no pixel of the axial prediction (before voting and
 * post-processing) has the organ's class where the final organ is. The paper saw this in about 2 %
 * of low-dose CT slices; post-processing interpolates such slices. Each organ with misses gets a
 * warning line. The network is borrowed, not owned: whoever created it closes it.
 */
public final class MaskRcnnSegmenter implements Segmenter {
    private final SliceSegmenter slices;

    /**
     * Axial slices of one organ's extent on the working grid, and those the detector missed.
     */
    public record SliceCount(int missed, int extent) {
        public double fraction() {
            return extent == 0 ? 0 : (double) missed / extent;
        }
    }

    /** A segmentation with the detector's missed slices per organ. */
    public record Result(Segmentation segmentation, Map<Organ, SliceCount> missedSlices) {
        /** Missed slices over all organs' extents together. */
        public SliceCount total() {
            return new SliceCount(missedSlices.values().stream().mapToInt(SliceCount::missed).sum(),
                    missedSlices.values().stream().mapToInt(SliceCount::extent).sum());
        }
    }

    public MaskRcnnSegmenter(MaskRcnnNetwork network, Mode mode) throws SegmentationException {
        this.slices = new SliceSegmenter(network, mode);
    }

    @Override
    public Segmentation segment(Volume ct) throws SegmentationException {
        return segmentCounting(ct).segmentation();
    }

    /** Segments and counts the slices the detector missed. */
    public Result segmentCounting(Volume ct) throws SegmentationException {
        SliceSegmenter.Outcome outcome = slices.segmentInDetail(ct);
        Map<Organ, SliceCount> missed = missedSlices(outcome.workingLabels(), outcome.axialClasses());
        Segmentation s = outcome.segmentation();
        Map<Organ, OrganReport> organs = new EnumMap<>(Organ.class);
        for (Organ organ : Organ.values()) {
            OrganReport r = s.organs().get(organ);
            SliceCount c = missed.get(organ);
            if (c.missed() > 0) {
                List<String> warnings = new ArrayList<>(r.warnings());
                warnings.add(String.format(Locale.ROOT, "the detector found nothing in %d of its %d axial slices (%.1f %%)",
                        c.missed(), c.extent(), 100 * c.fraction()));
                r = new OrganReport(organ, r.volumeMl(), r.massG(), r.slicesInterpolated(), warnings);
            }
            organs.put(organ, r);
        }
        return new Result(new Segmentation(s.labels(), organs, s.warnings()), missed);
    }

    /**
     * @param organs final organ labels on the working grid
     * @param axialClasses the axial prediction's classes on the same grid
     */
    static Map<Organ, SliceCount> missedSlices(LabelMap organs, byte[] axialClasses) {
        Geometry g = organs.geometry();
        int sliceSize = g.nx() * g.ny();
        byte[] v = organs.labels();
        Map<Organ, SliceCount> out = new EnumMap<>(Organ.class);
        for (Organ organ : Organ.values()) {
            int cls = NetworkClasses.of(organ);
            int first = -1;
            int last = -1;
            boolean[] detected = new boolean[g.nz()];
            for (int k = 0; k < g.nz(); k++) {
                for (int p = k * sliceSize; p < (k + 1) * sliceSize; p++) {
                    if (v[p] == organ.label()) {
                        first = first < 0 ? k : first;
                        last = k;
                        detected[k] |= axialClasses[p] == cls;
                    }
                }
            }
            int missed = 0;
            for (int k = Math.max(first, 0); k <= last; k++) {
                missed += detected[k] ? 0 : 1;
            }
            out.put(organ, new SliceCount(missed, first < 0 ? 0 : last - first + 1));
        }
        return out;
    }
}
