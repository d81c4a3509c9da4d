package org.genrelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class EmbeddingRepresentationTest {

    // three frames of two dimensions: dimension 0 is 1, 2, 6; dimension 1 is -1, -1, -1
    private static final float[][] SEQ = {{1, -1}, {2, -1}, {6, -1}};

    @Test
    void flattenedIsRowMajorFrameByFrame() {
        assertArrayEquals(new double[] {1, -1, 2, -1, 6, -1}, EmbeddingRepresentation.FLATTENED.row(SEQ), 0);
    }

    @Test
    void clipStatisticsAreMeanStdMinMaxBlocksPerDimension() {
        // dimension 0: mean 3, population variance (4 + 1 + 9) / 3 = 14/3; dimension 1 is constant: std 0
        assertArrayEquals(new double[] {3, -1, Math.sqrt(14.0 / 3), 0, 1, -1, 6, -1},
                EmbeddingRepresentation.CLIP_STATISTICS.row(SEQ), 1e-15);
    }

    @Test
    void oneFrameHasZeroSpreadAndItsValuesAsEveryStatistic() {
        assertArrayEquals(new double[] {0.5, 0, 0.5, 0.5}, EmbeddingRepresentation.CLIP_STATISTICS.row(new float[][] {{0.5f}}),
                0);
    }

    @Test
    void meanAndStdAreTheClipStatisticsFirstTwoBlocksToTheBit() {
        float[][] seq = {{0.1f, 7.3f}, {0.7f, -2.9f}, {1.3f, 0.05f}, {-4.2f, 3.3f}};
        assertArrayEquals(Arrays.copyOf(EmbeddingRepresentation.CLIP_STATISTICS.row(seq), 4),
                EmbeddingRepresentation.CLIP_MEAN_STD.row(seq), 0);
        assertArrayEquals(new double[] {3, -1, Math.sqrt(14.0 / 3), 0}, EmbeddingRepresentation.CLIP_MEAN_STD.row(SEQ),
                1e-15);
    }

    @Test
    void blocksAreNamedByStatisticOrFrame() {
        assertEquals("mean", EmbeddingRepresentation.CLIP_STATISTICS.block(0));
        assertEquals("max", EmbeddingRepresentation.CLIP_STATISTICS.block(3));
        assertEquals("std", EmbeddingRepresentation.CLIP_MEAN_STD.block(1));
        assertEquals("frame31", EmbeddingRepresentation.FLATTENED.block(30));
    }

    @Test
    void rowsFollowTheSplitOrder() {
        var split = new StudyEmbeddings.SplitData(Split.TEST, new long[] {7, 3},
                new float[][][] {SEQ, {{0, 0}, {0, 0}, {0, 0}}}, new int[] {0, 1});
        double[][] rows = EmbeddingRepresentation.FLATTENED.rows(split);
        assertArrayEquals(EmbeddingRepresentation.FLATTENED.row(SEQ), rows[0], 0);
        assertArrayEquals(new double[6], rows[1], 0);
    }

    @Test
    void refusesNoFramesAndRaggedFrames() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddingRepresentation.CLIP_STATISTICS.row(new float[0][]));
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddingRepresentation.FLATTENED.row(new float[][] {{1, 2}, {3}}));
    }
}
