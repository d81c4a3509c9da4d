package org.genrelab.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CNN's batch norm ({@link ClassifierBlocks#batchNorm()}) against torch.nn.BatchNorm1d's formulas worked out here in double precision. */
class ClassifierBlocksBatchNormTest {

    @Test
    void trainingNormalisesWithBatchStatisticsAndMovesTheRunningOnes() {
        int n = 5, c = 3, l = 4;
        Random r = new Random(3);
        float[] x = new float[n * c * l];
        for (int i = 0; i < x.length; i++) x[i] = (float) (2 + 3 * r.nextGaussian());
        try (NDManager m = NDManager.newBaseManager()) {
            Block bn = ClassifierBlocks.batchNorm();
            bn.initialize(m, DataType.FLOAT32, new Shape(n, c, l));
            ParameterStore ps = new ParameterStore(m, false);
            float[] y = bn.forward(ps, new NDList(m.create(x, new Shape(n, c, l))), true).singletonOrThrow().toFloatArray();
            for (int ch = 0; ch < c; ch++) {
                double mean = 0;
                for (int i = 0; i < n; i++) for (int t = 0; t < l; t++) mean += x[(i * c + ch) * l + t];
                mean /= n * l;
                double var = 0;
                for (int i = 0; i < n; i++) for (int t = 0; t < l; t++) var += Math.pow(x[(i * c + ch) * l + t] - mean, 2);
                var /= n * l; // biased
                for (int i = 0; i < n; i++) {
                    for (int t = 0; t < l; t++) {
                        int k = (i * c + ch) * l + t;
                        assertEquals((x[k] - mean) / Math.sqrt(var + 1e-5), y[k], 1e-5, "channel " + ch);
                    }
                }
                // running mean 0 → 0.1·mean; running var 1 → 0.9 + 0.1·unbiased var
                NDArray rm = bn.getParameters().get("runningMean").getArray();
                NDArray rv = bn.getParameters().get("runningVar").getArray();
                assertEquals(0.1 * mean, rm.toFloatArray()[ch], 1e-5);
                assertEquals(0.9 + 0.1 * var * (n * l) / (n * l - 1), rv.toFloatArray()[ch], 1e-4);
            }
            // evaluation uses the running statistics: (x − rm)/√(rv + ε)
            float[] e = bn.forward(ps, new NDList(m.create(x, new Shape(n, c, l))), false).singletonOrThrow().toFloatArray();
            float[] rm = bn.getParameters().get("runningMean").getArray().toFloatArray();
            float[] rv = bn.getParameters().get("runningVar").getArray().toFloatArray();
            for (int k = 0; k < x.length; k++) {
                int ch = (k / l) % c;
                assertEquals((x[k] - rm[ch]) / Math.sqrt(rv[ch] + 1e-5), e[k], 1e-5);
            }
        }
    }

    @Test
    void twoDimensionalInputNormalisesOverTheBatch() {
        float[] x = {1, 10, 3, 20, 5, 60};
        try (NDManager m = NDManager.newBaseManager()) {
            Block bn = ClassifierBlocks.batchNorm();
            bn.initialize(m, DataType.FLOAT32, new Shape(3, 2));
            float[] y = bn.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(3, 2))), true)
                    .singletonOrThrow().toFloatArray();
            // column 0: 1, 3, 5 → mean 3, biased var 8/3
            assertEquals((1 - 3) / Math.sqrt(8.0 / 3 + 1e-5), y[0], 1e-5);
            assertEquals(0, y[2], 1e-6);
        }
    }
}
