package org.organdose.segment.maskrcnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.organdose.segment.net.SegmentationNetwork;

class ResNetFpnTest {

    @BeforeAll
    static void offline() {
        SegmentationNetwork.useOfflineEngine();
    }

    private static long trainableCount(ai.djl.nn.Block block) {
        return block.getParameters().values().stream()
                .filter(p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR)
                .mapToLong(p -> p.getArray().size()).sum();
    }

    @Test
    void lightPyramidHasTheRightShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNetFpn net = ResNetFpn.light(8, 16);
            net.initialize(m, DataType.FLOAT32, new Shape(2, 5, 64, 96));
            NDList p = net.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(2, 5, 64, 96))), false);
            assertThat(p).hasSize(4);
            for (int l = 0; l < 4; l++) {
                int stride = ResNetFpn.STRIDES[l];
                assertThat(p.get(l).getShape()).isEqualTo(new Shape(2, 16, 64 / stride, 96 / stride));
            }
            assertThat(net.getOutputShapes(new Shape[] {new Shape(2, 5, 64, 96)})[3]).isEqualTo(new Shape(2, 16, 2, 3));
        }
    }

    @Test
    void resnet50BodyHasTheParameterCountOfResNet50() {
        try (NDManager m = NDManager.newBaseManager()) {
            ResNetFpn net = ResNetFpn.resnet50();
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            // torchvision's resnet50 has 25,557,032 parameters, 2,049,000 of them in the classifier;
            // the pyramid adds 1x1 laterals (256+512+1024+2048 -> 256, with bias) and four 3x3 256 -> 256 outputs
            long resnet50Body = 25_557_032L - 2_049_000L;
            long pyramid = (256 + 512 + 1024 + 2048) * 256L + 4 * 256 + 4 * (9 * 256 * 256L + 256);
            assertThat(trainableCount(net)).isEqualTo(resnet50Body + pyramid);
            long body = net.getParameters().values().stream().filter(net.bodyParameters())
                    .mapToLong(p -> p.getArray().size()).sum();
            assertThat(body).isEqualTo(resnet50Body);
            NDList p = net.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(1, 3, 64, 64))), false);
            assertThat(p.get(0).getShape()).isEqualTo(new Shape(1, 256, 16, 16));
            assertThat(p.get(3).getShape()).isEqualTo(new Shape(1, 256, 2, 2));
        }
    }

    @Test
    void rejectsSizesThatAreNotMultiplesOf32() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThatThrownBy(() -> ResNetFpn.light(8, 16).initialize(m, DataType.FLOAT32, new Shape(1, 3, 48, 64)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiples of 32");
        }
    }
}
