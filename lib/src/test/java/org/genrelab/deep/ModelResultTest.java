package org.genrelab.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelResultTest {

    private static TrainingRun run(List<Double> valAccuracy, int bestEpoch) {
        return new TrainingRun(List.of(), List.of(), List.of(), valAccuracy, bestEpoch, new int[0], new int[0],
                new double[0][], 1, "cpu");
    }

    @Test
    void meanBestValAccuracyAveragesEachRunsAccuracyAtItsBestEpoch() {
        // best epochs 2 and 1: 0.6 and 0.5, not the last epochs' 0.55 and 0.4
        var r = new ModelResult("m", List.of(run(List.of(0.4, 0.6, 0.55), 2), run(List.of(0.5, 0.4), 1)), List.of());
        assertEquals(0.55, r.meanBestValAccuracy(), 1e-15);
    }

    @Test
    void noRunsIsAnError() {
        assertThrows(IllegalStateException.class, () -> new ModelResult("m", List.of(), List.of()).meanBestValAccuracy());
    }
}
