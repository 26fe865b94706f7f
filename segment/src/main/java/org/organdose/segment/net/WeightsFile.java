package org.organdose.segment.net;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.organdose.image.io.AtomicFileOutput;
import org.organdose.segment.SegmentationException;

/** A network's weights on disk, in DJL's parameter format; the same for every architecture. */
public final class WeightsFile {
    private WeightsFile() {
    }

    /**
     * Replaces {@code net}'s weights by those in {@code file}; a missing or mismatched file is one
     * clear error, and so is a weight that is NaN or infinite (a training that diverged, or a
     * damaged file): such a network would segment nothing, or anything, without a word.
     */
    public static void read(Block net, NDManager manager, Path file) throws SegmentationException {
        if (!Files.isRegularFile(file)) {
            throw new SegmentationException(file + ": weights file not found");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            net.loadParameters(manager, new DataInputStream(in));
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new SegmentationException(file + ": weights do not fit this network (" + e.getMessage() + ")", e);
        }
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (!FiniteArrays.finite(p.getValue().getArray())) {
                throw new SegmentationException(file + ": weight " + p.getKey() + " holds NaN or infinite values;"
                        + " the network cannot be used (did its training diverge?)");
            }
        }
    }

    /**
     * A freshly created {@code network} given the weights in {@code file}; if they cannot be read,
     * the network is closed (freeing its native memory) and the error passed on.
     */
    public static <N extends SliceClassifier> N loadInto(N network, Block net, NDManager manager, Path file)
            throws SegmentationException {
        try {
            read(net, manager, file);
            return network;
        } catch (SegmentationException e) {
            network.close();
            throw e;
        }
    }

    /** Writes {@code net}'s weights atomically (never a partial file). */
    public static void write(Block net, Path file) throws IOException {
        AtomicFileOutput.write(file, out -> {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
            net.saveParameters(data);
            data.flush();
        });
    }
}
