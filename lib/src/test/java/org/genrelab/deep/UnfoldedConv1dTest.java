package org.genrelab.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link UnfoldedConv1d} against the convolution sum and its gradients worked out here in double precision. */
class UnfoldedConv1dTest {

    private static float[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    /** x_pad[n, c, t] for t in [0, L + 2·pad): zero outside the input. */
    private static double padded(float[] x, int c, int l, int pad, int i, int ch, int t) {
        int s = t - pad;
        return s < 0 || s >= l ? 0 : x[(i * c + ch) * l + s];
    }

    @Test
    void outputIsTheConvolutionSumOnTheStudysShape() {
        int n = 300, c = 31, l = 128, o = 16, k = 3, pad = 1; // the CNN's first layer on a training batch
        float[] x = gaussian(n * c * l, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            UnfoldedConv1d conv = new UnfoldedConv1d(o, k, pad);
            conv.initialize(m, DataType.FLOAT32, new Shape(n, c, l));
            float[] bias = gaussian(o, 2);
            conv.getParameters().get("bias").getArray().set(bias);
            float[] w = conv.getParameters().get("weight").getArray().toFloatArray();
            assertArrayEquals(new long[] {o, c, k}, conv.getParameters().get("weight").getArray().getShape().getShape());
            for (int pass = 0; pass < 3; pass++) {
                float[] y = conv.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(n, c, l))), pass == 0)
                        .singletonOrThrow().toFloatArray();
                assertEquals(n * o * l, y.length);
                for (int i = 0; i < n; i++) {
                    for (int f = 0; f < o; f++) {
                        for (int t = 0; t < l; t++) {
                            double sum = bias[f]; // y[n,o,l] = b[o] + Σ_c Σ_k W[o,c,k]·x_pad[n,c,l+k]
                            for (int ch = 0; ch < c; ch++) {
                                for (int j = 0; j < k; j++) sum += w[(f * c + ch) * k + j] * padded(x, c, l, pad, i, ch, t + j);
                            }
                            float got = y[(i * o + f) * l + t];
                            if (!(Math.abs(got - sum) <= 1e-4 * Math.max(1, Math.abs(sum)))) {
                                assertEquals(sum, got, 1e-4, "pass " + pass + " item " + i + " filter " + f + " position " + t);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void gradientsAreThoseOfTheConvolutionSum() {
        int n = 3, c = 5, l = 7, o = 4, k = 3, pad = 1;
        float[] x = gaussian(n * c * l, 3);
        float[] r = gaussian(n * o * l, 4); // loss = Σ y ⊙ r
        try (NDManager m = NDManager.newBaseManager()) {
            UnfoldedConv1d conv = new UnfoldedConv1d(o, k, pad);
            conv.initialize(m, DataType.FLOAT32, new Shape(n, c, l));
            float[] w = conv.getParameters().get("weight").getArray().toFloatArray();
            NDArray xa = m.create(x, new Shape(n, c, l));
            xa.setRequiresGradient(true);
            try (GradientCollector gc = new ThreadGradientCollector()) {
                NDArray y = conv.forward(new ParameterStore(m, false), new NDList(xa), true).singletonOrThrow();
                gc.backward(y.mul(m.create(r, new Shape(n, o, l))).sum());
            }
            float[] dw = conv.getParameters().get("weight").getArray().getGradient().toFloatArray();
            float[] db = conv.getParameters().get("bias").getArray().getGradient().toFloatArray();
            float[] dx = xa.getGradient().toFloatArray();
            for (int f = 0; f < o; f++) {
                double sb = 0; // ∂/∂b[o] = Σ_n Σ_l r[n,o,l]
                for (int i = 0; i < n; i++) for (int t = 0; t < l; t++) sb += r[(i * o + f) * l + t];
                assertEquals(sb, db[f], 1e-4, "bias " + f);
                for (int ch = 0; ch < c; ch++) {
                    for (int j = 0; j < k; j++) { // ∂/∂W[o,c,k] = Σ_n Σ_l r[n,o,l]·x_pad[n,c,l+k]
                        double s = 0;
                        for (int i = 0; i < n; i++) for (int t = 0; t < l; t++) s += r[(i * o + f) * l + t] * padded(x, c, l, pad, i, ch, t + j);
                        assertEquals(s, dw[(f * c + ch) * k + j], 1e-4, "weight " + f + "," + ch + "," + j);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int ch = 0; ch < c; ch++) {
                    for (int s = 0; s < l; s++) { // ∂/∂x[n,c,s] = Σ_o Σ_k r[n,o,s+pad−k]·W[o,c,k]
                        double g = 0;
                        for (int f = 0; f < o; f++) {
                            for (int j = 0; j < k; j++) {
                                int t = s + pad - j;
                                if (t >= 0 && t < l) g += r[(i * o + f) * l + t] * w[(f * c + ch) * k + j];
                            }
                        }
                        assertEquals(g, dx[(i * c + ch) * l + s], 1e-4, "input " + i + "," + ch + "," + s);
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedDrawsDjlConv1dsInitialWeights() {
        Shape in = new Shape(300, 31, 128);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getEngine(DeviceChoice.ENGINE).setRandomSeed(7);
            UnfoldedConv1d ours = new UnfoldedConv1d(16, 3, 1);
            ours.initialize(m, DataType.FLOAT32, in);
            Engine.getEngine(DeviceChoice.ENGINE).setRandomSeed(7);
            Conv1d djl = Conv1d.builder().setKernelShape(new Shape(3)).optPadding(new Shape(1)).setFilters(16).build();
            djl.initialize(m, DataType.FLOAT32, in);
            for (String p : new String[] {"weight", "bias"}) {
                NDArray a = ours.getParameters().get(p).getArray();
                NDArray b = djl.getParameters().get(p).getArray();
                assertEquals(b.getShape(), a.getShape(), p);
                assertArrayEquals(b.toFloatArray(), a.toFloatArray(), p);
            }
            assertEquals(djl.getOutputShapes(new Shape[] {in})[0], ours.getOutputShapes(new Shape[] {in})[0]);
        }
    }

    /** Arrays held by a manager (DJL keeps them in a protected map; read here to see what a pass leaves behind). */
    static int held(NDManager m) throws ReflectiveOperationException {
        java.lang.reflect.Field f = ai.djl.ndarray.BaseNDManager.class.getDeclaredField("resources");
        f.setAccessible(true);
        return ((java.util.Map<?, ?>) f.get(m)).size();
    }

    @Test
    void aTrainingPassLeavesNothingWithTheParameters() throws Exception {
        // the CNN's first layers; the OOM killer once stopped a full run at 24 GB when every batch's product stayed
        int n = 20, c = 31, l = 16;
        try (NDManager m = NDManager.newBaseManager()) {
            ai.djl.nn.SequentialBlock b = new ai.djl.nn.SequentialBlock();
            b.add(new UnfoldedConv1d(16, 3, 1));
            b.add(ClassifierBlocks.batchNorm());
            b.initialize(m, DataType.FLOAT32, new Shape(n, c, l));
            ParameterStore ps = new ParameterStore(m, false);
            for (int pass = 0; pass < 4; pass++) {
                int before = held(m);
                try (NDManager batch = m.newSubManager()) {
                    NDArray x = batch.create(gaussian(n * c * l, pass), new Shape(n, c, l));
                    try (GradientCollector gc = new ThreadGradientCollector()) {
                        NDArray y = b.forward(ps, new NDList(x), true).singletonOrThrow();
                        assertEquals(batch, y.getManager(), "the output belongs to the batch");
                        gc.backward(y.sum());
                    }
                    b.forward(ps, new NDList(x), false).singletonOrThrow();
                }
                assertEquals(before, held(m), "arrays left with the parameters after pass " + pass);
            }
        }
    }

    @Test
    void badShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UnfoldedConv1d(0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new UnfoldedConv1d(4, 3, -1));
        try (NDManager m = NDManager.newBaseManager()) {
            UnfoldedConv1d conv = new UnfoldedConv1d(4, 3, 1);
            conv.initialize(m, DataType.FLOAT32, new Shape(2, 5, 8));
            ParameterStore ps = new ParameterStore(m, false);
            var e = assertThrows(IllegalArgumentException.class,
                    () -> conv.forward(ps, new NDList(m.zeros(new Shape(2, 6, 8))), false));
            assertEquals("UnfoldedConv1d was initialised for 5 channels, got (2, 6, 8)", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> conv.forward(ps, new NDList(m.zeros(new Shape(2, 5))), false));
        }
    }
}
