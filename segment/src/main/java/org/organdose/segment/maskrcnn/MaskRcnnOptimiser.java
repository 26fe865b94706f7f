package org.organdose.segment.maskrcnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import org.organdose.segment.net.FiniteGradients;
import org.organdose.segment.net.NetworkClasses;

/**
 * Adam steps on a Mask R-CNN for one phase of the paper's schedule: the heads (with the pyramid
 * and RPN) while the backbone's ResNet body is frozen, or the whole net. Each step minimises the
 * sum of the five losses. Adam's moment estimates live as long as this object; close it to free them.
 */
public final class MaskRcnnOptimiser implements AutoCloseable {
    /** Names of the five losses, in the order {@link #step} returns them. */
    public static final String[] LOSS_NAMES = {"rpnClass", "rpnBox", "headClass", "headBox", "mask"};

    private final MaskRcnnNetwork network;
    private final Trainer djl;
    private final boolean bodyFrozen;

    /** The sum of the five losses the network's training forward returns. */
    private static final class SummedLosses extends Loss {
        SummedLosses() {
            super("maskRcnnLoss");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray total = predictions.get(0);
            for (int i = 1; i < predictions.size(); i++) {
                total = total.add(predictions.get(i));
            }
            return total;
        }
    }

    /**
     * @param bodyFrozen train everything but the ResNet body (first phase)
     * @param learningRate Adam's constant learning rate (the paper: 1e-3 for the heads, 1e-4 for the whole net)
     */
    public MaskRcnnOptimiser(MaskRcnnNetwork network, boolean bodyFrozen, double learningRate) {
        this.network = network;
        this.bodyFrozen = bodyFrozen;
        MaskRcnn net = network.net();
        // loaded weights arrive without gradients attached, and an earlier phase may have frozen the body
        net.freezeParameters(false, p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR);
        if (bodyFrozen) {
            net.freezeParameters(true, net.bodyParameters());
        }
        float rate = (float) learningRate;
        Tracker tracker = numUpdate -> rate;
        djl = network.model().newTrainer(new DefaultTrainingConfig(new SummedLosses())
                .optOptimizer(Adam.builder().optLearningRateTracker(tracker).build()));
    }

    public boolean bodyFrozen() {
        return bodyFrozen;
    }

    /**
     * One optimiser step on a batch.
     *
     * @param inputs {@code n * k * h * w} stacks, windowed to [0, 1]
     * @param classes {@code n * h * w} classes of the main slices ({@link NetworkClasses})
     * @param labelled {@code n * C}: 1 where the sample's case labels the class, else 0
     * @return the five losses before the step, as {@link #LOSS_NAMES}, and whether the step was
     *     taken (not when a gradient was NaN or infinite: {@link FiniteGradients})
     */
    public Step step(float[] inputs, byte[] classes, float[] labelled, int n, int h, int w) {
        float[] values = new float[LOSS_NAMES.length];
        try (NDManager m = djl.getManager().newSubManager()) {
            NDArray x = m.create(inputs, new Shape(n, network.spec().slicesPerStack(), h, w));
            NDList targets = new NDList(m.create(classes, new Shape(n, h, w)),
                    m.create(labelled, new Shape(n, NetworkClasses.COUNT)));
            try (GradientCollector gc = djl.newGradientCollector()) {
                NDList losses = djl.forward(new NDList(x), targets);
                NDArray total = djl.getLoss().evaluate(targets, losses);
                gc.backward(total);
                for (int i = 0; i < values.length; i++) {
                    values[i] = losses.get(i).getFloat();
                }
            }
            return new Step(values, FiniteGradients.step(djl, network.net()));
        }
    }

    /** What one step did: the five losses before it and whether the weights were updated. */
    public record Step(float[] losses, boolean taken) {
    }

    @Override
    public void close() {
        djl.close();
    }
}
