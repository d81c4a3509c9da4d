package org.genrelab.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class LstmReadoutTest {

    // batch 2, time 3, hidden 2: track 0's unit 0 runs 1, 5, 3 and unit 1 runs -2, -4, -6; track 1 is track 0 + 10
    private static final float[] OUTPUTS = {1, -2, 5, -4, 3, -6, 11, 8, 15, 6, 13, 4};

    @Test
    void lastStepIsTheLastTimeStepsOutputs() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray r = LstmReadout.LAST_STEP.apply(m.create(OUTPUTS, new Shape(2, 3, 2)));
            assertEquals(new Shape(2, 2), r.getShape());
            assertArrayEquals(new float[] {3, -6, 13, 4}, r.toFloatArray(), 0);
        }
    }

    @Test
    void meanMaxIsEachUnitsMeanThenEachUnitsMaximumOverTime() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray r = LstmReadout.MEAN_MAX.apply(m.create(OUTPUTS, new Shape(2, 3, 2)));
            assertEquals(new Shape(2, 4), r.getShape());
            assertArrayEquals(new float[] {3, -4, 5, -2, 13, 6, 15, 8}, r.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void refusesOutputsThatAreNotBatchTimeHidden() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> LstmReadout.MEAN_MAX.apply(m.zeros(new Shape(2, 3))));
        }
    }

    @Test
    void theClassifierWithMeanMaxReadoutMapsASequenceBatchToClassScores() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block b = ClassifierBlocks.lstm(16, 2, 0.1, 0.15, 8, 42, LstmReadout.MEAN_MAX);
            b.initialize(m, DataType.FLOAT32, new Shape(4, 31, 128));
            Shape[] out = b.getOutputShapes(new Shape[] {new Shape(4, 31, 128)});
            assertEquals(new Shape(4, 8), out[0]);
            NDArray y = b.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(4, 31, 128))), false)
                    .singletonOrThrow();
            assertEquals(new Shape(4, 8), y.getShape());
        }
    }
}
