package org.organdose.segment.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import org.organdose.segment.SegmentationException;

/**
 * Several trained pixel networks used as one: every member predicts the class probabilities of
 * the same slice stacks, they are averaged, and each pixel takes the most probable class.
 * Networks trained from different seeds make different mistakes, so their average is steadier
 * than any one of them (measured in the README). All members must see the CT the same way:
 * same working spacing, HU window, stack size and planes.
 */
public final class EnsembleNetwork implements SliceClassifier {
    private final ModelSpec spec;
    private final List<SegmentationNetwork> members;
    private final int sizeMultiple;

    private EnsembleNetwork(ModelSpec spec, List<SegmentationNetwork> members) {
        this.spec = spec;
        this.members = List.copyOf(members);
        int multiple = 1;
        for (SegmentationNetwork m : members) {
            multiple = leastCommonMultiple(multiple, m.sizeMultiple());
        }
        this.sizeMultiple = multiple;
    }

    /** Loads the ensemble in {@code dir} (its model.json and every member folder). */
    public static EnsembleNetwork load(Path dir) throws SegmentationException {
        return of(dir, EnsembleSpec.read(dir));
    }

    /** Loads the members {@code ensemble} names inside {@code dir} and checks that they agree. */
    static EnsembleNetwork of(Path dir, EnsembleSpec ensemble) throws SegmentationException {
        List<SegmentationNetwork> loaded = new ArrayList<>();
        try {
            for (String member : ensemble.members()) {
                Path memberDir = dir.resolve(member);
                SegmentationNetwork network = SegmentationNetwork.load(memberDir);
                loaded.add(network);
                String difference = preprocessingDifference(loaded.get(0).spec(), network.spec());
                if (difference != null) {
                    throw new SegmentationException(memberDir.resolve(ModelSpec.FILE_NAME) + ": " + difference
                            + " differs from member " + ensemble.members().get(0) + "'s; an ensemble's members must see the CT alike");
                }
            }
        } catch (SegmentationException | RuntimeException e) {
            loaded.forEach(SegmentationNetwork::close);
            throw e;
        }
        return new EnsembleNetwork(loaded.get(0).spec().withName(ensemble.name()), loaded);
    }

    /** The members' shared preprocessing, under the ensemble's name. */
    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public int sizeMultiple() {
        return sizeMultiple;
    }

    public int size() {
        return members.size();
    }

    @Override
    public byte[] predictClasses(float[] stacks, int n, int h, int w) {
        float[] sum = members.get(0).predictProbabilities(stacks, n, h, w);
        for (int m = 1; m < members.size(); m++) {
            float[] p = members.get(m).predictProbabilities(stacks, n, h, w);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p[i];
            }
        }
        return mostProbable(sum, n, NetworkClasses.COUNT, h * w);
    }

    /** For each of {@code n * pixels} pixels, the class with the highest score; ties go to the lower class. */
    static byte[] mostProbable(float[] scores, int n, int classes, int pixels) {
        byte[] out = new byte[n * pixels];
        for (int s = 0; s < n; s++) {
            int base = s * classes * pixels;
            for (int p = 0; p < pixels; p++) {
                int best = 0;
                float bestScore = scores[base + p];
                for (int c = 1; c < classes; c++) {
                    float v = scores[base + c * pixels + p];
                    if (v > bestScore) {
                        best = c;
                        bestScore = v;
                    }
                }
                out[s * pixels + p] = (byte) best;
            }
        }
        return out;
    }

    @Override
    public void close() {
        members.forEach(SegmentationNetwork::close);
    }

    /** What two members' preprocessing differs in, or null when they agree. */
    private static String preprocessingDifference(ModelSpec a, ModelSpec b) {
        if (a.inputSpacingMm() != b.inputSpacingMm()) {
            return "working spacing " + b.inputSpacingMm() + " mm";
        }
        if (!Arrays.equals(a.huWindow(), b.huWindow())) {
            return "HU window " + Arrays.toString(b.huWindow());
        }
        if (a.slicesPerStack() != b.slicesPerStack()) {
            return "stack size " + b.slicesPerStack();
        }
        if (!new HashSet<>(a.planes()).equals(new HashSet<>(b.planes()))) {
            return "planes " + b.planes();
        }
        return null;
    }

    private static int leastCommonMultiple(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
