package org.genrelab.deep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.genrelab.SharedData;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.StudyEmbeddings;
import org.genrelab.data.StudyEmbeddings.SplitData;
import org.junit.jupiter.api.Test;

/**
 * Two models training at the same time on two threads (the ASHA search): the per-thread gradient
 * collector computes what DJL's own does, and a run's numbers do not depend on what trains beside it.
 */
class ConcurrentTrainingTest {

    /** Two SGD steps of a linear layer with DJL's collector and with ours give the same weights. */
    @Test
    void threadCollectorMatchesDjlsCollector() {
        float[] djl = twoSteps(t -> t.newGradientCollector());
        float[] ours = twoSteps(t -> new ThreadGradientCollector());
        assertArrayEquals(djl, ours, 0f);
        float[] untrained = twoSteps(null);
        assertTrue(Math.abs(djl[0] - untrained[0]) > 1e-6, "the steps moved the weights");
    }

    private static float[] twoSteps(java.util.function.Function<Trainer, GradientCollector> collector) {
        DeviceChoice.engine();
        try (Model model = Model.newInstance("t", DeviceChoice.device(), DeviceChoice.ENGINE)) {
            model.setBlock(Linear.builder().setUnits(3).build());
            Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build()));
            Engine.getEngine(DeviceChoice.ENGINE).setRandomSeed(5);
            trainer.initialize(new Shape(4, 2));
            NDManager m = trainer.getManager();
            NDArray x = m.create(new float[] {1, 2, -1, 0.5f, 0.3f, -2, 2, 1}, new Shape(4, 2));
            NDArray y = m.create(new float[] {0, 2, 1, 2});
            for (int step = 0; collector != null && step < 2; step++) {
                try (GradientCollector gc = collector.apply(trainer)) {
                    NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    gc.backward(Loss.softmaxCrossEntropyLoss().evaluate(new NDList(y), new NDList(logits)));
                }
                trainer.step();
            }
            Parameter w = model.getBlock().getParameters().valueAt(0);
            float[] out = w.getArray().toFloatArray();
            trainer.close();
            return out;
        }
    }

    /** An LSTM's curves are bit-identical whether it trains alone or while another model trains. */
    @Test
    void aRunDoesNotDependOnWhatTrainsBesideIt() throws Exception {
        StudyEmbeddings e = StudyEmbeddings.load(SharedData.studyEmbeddings(),
                FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv")));
        SplitData train = Part2Experiments.head(e.train(), 300);
        SplitData val = Part2Experiments.head(e.validation(), 100);
        int classes = e.genres().size();
        Supplier<List<Double>> a = () -> curves(ClassifierBlocks.lstm(16, 2, 0.2, 0.2, classes, 7), train, val, classes, 7);
        Supplier<List<Double>> b = () -> curves(ClassifierBlocks.fcnn(new int[] {64, 20}, 0.5, classes, 9), train, val,
                classes, 9);
        List<Double> alone = a.get();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Double>> fa = pool.submit(a::get);
            Future<List<Double>> fb = pool.submit(b::get);
            assertEquals(alone, fa.get());
            assertEquals(b.get(), fb.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Double> curves(ai.djl.nn.Block block, SplitData train, SplitData val, int classes, long seed) {
        try (EpochTrainer t = new EpochTrainer(block, train, val, null, classes,
                new TrainSettings("adam", 0.01, 16, 3, 0, seed))) {
            TrainingRun r = t.fit();
            List<Double> out = new ArrayList<>(r.trainLoss());
            out.addAll(r.valLoss());
            return out;
        }
    }
}
