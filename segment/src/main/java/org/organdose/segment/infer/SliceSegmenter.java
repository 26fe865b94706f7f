package org.organdose.segment.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.organdose.image.Geometry;
import org.organdose.image.LabelMap;
import org.organdose.image.Organ;
import org.organdose.image.Plane;
import org.organdose.image.Volume;
import org.organdose.segment.Mode;
import org.organdose.segment.OrganReport;
import org.organdose.segment.Segmentation;
import org.organdose.segment.SegmentationException;
import org.organdose.segment.Segmenter;
import org.organdose.segment.net.ModelSpec;
import org.organdose.segment.net.SliceClassifier;
import org.organdose.segment.preprocess.HuWindow;
import org.organdose.segment.preprocess.SliceStacks;
import org.organdose.segment.preprocess.WorkingGrid;

/**
 * Segments a CT with any 2.5D network that classifies slice pixels ({@link SliceClassifier}: the
 * U-Net, Mask R-CNN): the CT is resampled to the model's working grid, every slice of each plane of
 * the mode is predicted, the planes are combined ({@link ConsensusVote}), organs are cleaned up
 * ({@link PostProcessing}) and the labels are resampled back onto the input grid. The network is
 * borrowed, not owned: whoever created it closes it.
 */
public final class SliceSegmenter implements Segmenter {
    private static final int BATCH = 8;
    /** A CT in HU always has air (outside the body, lungs, bowel gas) below this; without it the image is probably not a CT. */
    private static final float AIR_HU = -500f;

    private final SliceClassifier network;
    private final Mode mode;

    /**
     * What one segmentation produced on the way: besides the result, the working-grid organ labels
     * and the network's raw axial classes before voting and post-processing.
     */
    public record Outcome(Segmentation segmentation, LabelMap workingLabels, byte[] axialClasses) {
    }

    public SliceSegmenter(SliceClassifier network, Mode mode) throws SegmentationException {
        ModelSpec spec = network.spec();
        List<Plane> needed = mode == Mode.CONSENSUS ? List.of(Plane.values()) : List.of(Plane.AXIAL);
        if (!spec.planes().containsAll(needed)) {
            throw new SegmentationException("model " + spec.name() + " was trained on " + spec.planes()
                    + " only; " + mode.name().toLowerCase(Locale.ROOT) + " mode needs " + needed);
        }
        this.network = network;
        this.mode = mode;
    }

    @Override
    public Segmentation segment(Volume ct) throws SegmentationException {
        return segmentInDetail(ct).segmentation();
    }

    /** As {@link #segment}, keeping the intermediate results. */
    public Outcome segmentInDetail(Volume ct) throws SegmentationException {
        Geometry grid = ct.geometry();
        List<String> warnings = new ArrayList<>();
        float[] range = ct.range();
        if (!(range[0] < AIR_HU)) {
            warnings.add(String.format(Locale.ROOT,
                    "no voxel below %.0f HU (range %.0f to %.0f): this does not look like a CT in HU (an MR image?)",
                    AIR_HU, range[0], range[1]));
        }
        Geometry working = WorkingGrid.around(grid, network.spec().inputSpacingMm());
        Volume workingCt = WorkingGrid.ctOnto(ct, working);
        SliceStacks stacks = stacks(workingCt);
        byte[] axial = predictPlane(stacks, Plane.AXIAL);
        PostProcessing.Result result = postProcess(workingCt, stacks, axial);
        LabelMap labels = WorkingGrid.labelsOnto(result.labels(), grid);
        Map<Organ, OrganReport> reports = new EnumMap<>(Organ.class);
        for (Organ organ : Organ.values()) {
            reports.put(organ, report(labels, result.labels(), organ, result.slicesInterpolated().get(organ),
                    result.warnings().get(organ)));
        }
        if (reports.values().stream().noneMatch(OrganReport::found)) {
            warnings.add("no organ found: is the abdomen in the field of view?");
        }
        return new Outcome(new Segmentation(labels, reports, warnings), result.labels(), axial);
    }

    /** Organ labels on the working grid of a CT already resampled onto it. */
    public PostProcessing.Result segmentWorking(Volume workingCt) {
        SliceStacks stacks = stacks(workingCt);
        return postProcess(workingCt, stacks, predictPlane(stacks, Plane.AXIAL));
    }

    private SliceStacks stacks(Volume workingCt) {
        return new SliceStacks(workingCt, HuWindow.of(network.spec().huWindow()), network.spec().slicesPerStack());
    }

    /** The mode's planes combined and post-processed, given the axial prediction. */
    private PostProcessing.Result postProcess(Volume workingCt, SliceStacks stacks, byte[] axial) {
        byte[] classes = mode == Mode.CONSENSUS
                ? ConsensusVote.vote(axial, predictPlane(stacks, Plane.CORONAL), predictPlane(stacks, Plane.SAGITTAL))
                : axial;
        return PostProcessing.apply(new LabelMap(workingCt.geometry(), classes), workingCt);
    }

    /** The network's class for every voxel, predicting slice by slice along {@code plane}. */
    private byte[] predictPlane(SliceStacks stacks, Plane plane) {
        int multiple = network.sizeMultiple();
        int rows = SliceStacks.padded(stacks.rows(plane), multiple);
        int columns = SliceStacks.padded(stacks.columns(plane), multiple);
        int k = network.spec().slicesPerStack();
        int planeSize = rows * columns;
        byte[] volume = new byte[stacks.slices(plane) * stacks.rows(plane) * stacks.columns(plane)];
        float[] input = new float[BATCH * k * planeSize];
        for (int first = 0; first < stacks.slices(plane); first += BATCH) {
            int n = Math.min(BATCH, stacks.slices(plane) - first);
            for (int s = 0; s < n; s++) {
                stacks.stack(plane, first + s, input, s * k * planeSize, rows, columns);
            }
            float[] batch = n == BATCH ? input : Arrays.copyOf(input, n * k * planeSize);
            byte[] predicted = network.predictClasses(batch, n, rows, columns);
            for (int s = 0; s < n; s++) {
                stacks.putSlice(plane, first + s, predicted, s * planeSize, columns, volume);
            }
        }
        return volume;
    }

    private static OrganReport report(LabelMap labels, LabelMap working, Organ organ, int interpolated, List<String> anatomy) {
        List<String> warnings = new ArrayList<>();
        if (labels.count(organ.label()) == 0) {
            warnings.add("not found");
        } else {
            if (touchesTopOrBottom(working, organ.label())) {
                warnings.add("touches the top or bottom of the field of view: it may be cut off and its volume too small");
            }
            if (interpolated > 0) {
                warnings.add(interpolated + " slices interpolated where the network found nothing");
            }
        }
        warnings.addAll(anatomy);
        return OrganReport.measure(labels, organ, interpolated, warnings);
    }

    private static boolean touchesTopOrBottom(LabelMap working, int label) {
        Geometry g = working.geometry();
        int sliceSize = g.nx() * g.ny();
        byte[] v = working.labels();
        int last = (g.nz() - 1) * sliceSize;
        for (int p = 0; p < sliceSize; p++) {
            if (v[p] == label || v[last + p] == label) {
                return true;
            }
        }
        return false;
    }
}
