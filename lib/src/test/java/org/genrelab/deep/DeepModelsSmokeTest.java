package org.genrelab.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.genrelab.SharedData;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.data.StudyEmbeddings.SplitData;
import org.genrelab.eval.ClassificationMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each network trains a few epochs on a slice of the study's real embeddings and beats chance (1/8)
 * clearly on validation; the same seed gives the same numbers twice on CPU.
 */
class DeepModelsSmokeTest {

    static SplitData train;
    static SplitData val;
    static SplitData test;
    static int classes;

    @BeforeAll
    static void load() throws Exception {
        StudyEmbeddings e = StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")));
        classes = e.genres().size();
        train = Part2Experiments.head(e.train(), 800);
        val = Part2Experiments.head(e.validation(), 400);
        test = Part2Experiments.head(e.test(), 400);
    }

    private static double valAccuracy(Supplier<Block> block, TrainSettings s) {
        try (EpochTrainer t = new EpochTrainer(block.get(), train, val, test, classes, s)) {
            TrainingRun r = t.fit();
            assertEquals(s.maxEpochs(), r.trainLoss().size());
            assertEquals(s.maxEpochs(), r.valAccuracy().size());
            assertEquals(test.size(), r.testPredicted().length);
            double macroF1 = ClassificationMetrics.macroF1(r.testTruth(), r.testPredicted(), classes);
            System.out.printf("val acc %s best %.3f test macroF1 %.3f in %.1f s%n", r.valAccuracy(),
                    r.bestValAccuracy(), macroF1, r.seconds());
            return r.bestValAccuracy();
        }
    }

    @Test
    void deviceIsCpuWithoutGpuAndGpuWhenOneIsSeen() {
        assertEquals(Device.cpu(), DeviceChoice.choose(0));
        assertEquals(Device.gpu(0), DeviceChoice.choose(2));
        assertEquals(Device.cpu(), DeviceChoice.device()); // this machine has none
        assertTrue(DeviceChoice.describe().startsWith("cpu (torch threads "), DeviceChoice.describe());
        // the omp figure is what PyTorch says of the calling thread
        assertTrue(DeviceChoice.describe().endsWith(", omp " + DeviceChoice.torchThreadsOfThisThread() + ")"), DeviceChoice.describe());
    }

    @Test
    void lstmBeatsChance() {
        double acc = valAccuracy(() -> ClassifierBlocks.lstm(32, 2, 0.1, 0.15, classes, 42),
                new TrainSettings("adam", 0.006, 64, 2, 0, 42));
        assertTrue(acc > 0.30, "LSTM val accuracy " + acc);
    }

    @Test
    void lstmWithMeanMaxReadoutBeatsChance() {
        double acc = valAccuracy(() -> ClassifierBlocks.lstm(32, 2, 0.1, 0.15, classes, 42, LstmReadout.MEAN_MAX),
                new TrainSettings("adam", 0.006, 64, 2, 0, 42));
        assertTrue(acc > 0.30, "LSTM (mean and max readout) val accuracy " + acc);
    }

    @Test
    void fcnnBeatsChance() {
        double acc = valAccuracy(() -> ClassifierBlocks.fcnn(new int[] {128, 30}, 0.5, classes, 42),
                new TrainSettings("sgd", 0.005, 10, 2, 0, 42));
        assertTrue(acc > 0.30, "FCNN val accuracy " + acc);
    }

    @Test
    void cnnBeatsChance() {
        double acc = valAccuracy(() -> ClassifierBlocks.cnn(classes, 42),
                new TrainSettings("adam", 0.001, 50, 3, 0, 42));
        assertTrue(acc > 0.30, "CNN val accuracy " + acc);
    }

    @Test
    void sameSeedSameNumbersTwiceOnCpu() {
        SplitData small = Part2Experiments.head(train, 200);
        double[][] runs = new double[3][];
        long[] seeds = {7, 7, 8};
        List<String> progress = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            try (EpochTrainer t = new EpochTrainer(ClassifierBlocks.lstm(16, 1, 0, 0.1, classes, seeds[k]), small, Part2Experiments.head(val, 100), null,
                    classes, new TrainSettings("adam", 0.01, 32, 2, 0, seeds[k]), k == 1 ? progress::add : null)) {
                TrainingRun r = t.fit();
                runs[k] = new double[] {r.trainLoss().get(0), r.trainLoss().get(1), r.valLoss().get(1)};
            }
        }
        assertArrayEquals(runs[0], runs[1], 0.0, "same seed must repeat exactly, said or silent");
        assertEquals(2, progress.size(), "one line per epoch: " + progress);
        assertTrue(progress.get(1).startsWith("epoch 2 train loss "), progress.get(1));
        assertTrue(!Arrays.equals(runs[0], runs[2]), "another seed should differ");
    }
}
