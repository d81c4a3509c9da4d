package org.genrelab.deep;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.genrelab.data.StudyEmbeddings.SplitData;
import org.genrelab.eval.ClassificationMetrics;
import org.genrelab.tune.Trial;

/**
 * The study's training loop on DJL: shuffled mini-batches, softmax cross-entropy, one optimizer step
 * per batch, then a validation pass; records loss and accuracy per epoch and keeps the test
 * predictions of the epoch with the best validation accuracy (equivalent to restoring the best
 * weights). DJL's {@code EasyTrain} is not used because it does not expose per-epoch test
 * predictions at the best epoch nor an epoch-by-epoch handle for the ASHA scheduler.
 *
 * <p>Given a progress consumer, it says one line per epoch there (and the test macro-F1 of each new best epoch).
 *
 * <p>It is a {@link Trial}, so the ASHA search can drive it epoch by epoch; {@link #fit()} runs it
 * to {@code maxEpochs} with early stopping. Close it to free native memory.
 */
public final class EpochTrainer implements Trial {

    /**
     * Seeding PyTorch's process-wide generator and drawing the initial weights happen under one lock,
     * so trainers built on several threads (the ASHA search) each get the weights of their own seed.
     * Nothing else draws from that generator: dropout is {@link SeededDropout} and batches are
     * shuffled with a Java {@link Random}, so a run depends only on its seed, whatever runs beside it.
     */
    private static final Object INIT_LOCK = new Object();

    private final TrainSettings settings;
    private final Consumer<String> progress;
    private final int classes;
    private final Model model;
    private final Trainer trainer;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();
    private final Random shuffle;
    private final float[] trainX;
    private final int[] trainY;
    private final float[] valX;
    private final int[] valY;
    private final float[] testX;
    private final int[] testY;
    private final int frames;
    private final int width;
    private final List<Double> trainLoss = new ArrayList<>();
    private final List<Double> trainAcc = new ArrayList<>();
    private final List<Double> valLoss = new ArrayList<>();
    private final List<Double> valAcc = new ArrayList<>();
    private int bestEpoch;
    private double[][] bestTestProb;
    private final long started = System.nanoTime();

    /**
     * @param block    a fresh, uninitialised network (see {@link ClassifierBlocks})
     * @param train    training split
     * @param val      validation split (drives early stopping)
     * @param test     test split, or null
     * @param classes  number of classes
     */
    public EpochTrainer(Block block, SplitData train, SplitData val, SplitData test, int classes,
                        TrainSettings settings) {
        this(block, train, val, test, classes, settings, null);
    }

    /**
     * The same, saying each epoch's losses and accuracies to {@code progress} (null: silent).
     */
    public EpochTrainer(Block block, SplitData train, SplitData val, SplitData test, int classes,
                        TrainSettings settings, Consumer<String> progress) {
        if (train.size() == 0) throw new IllegalArgumentException("empty training split");
        if (val.size() == 0) throw new IllegalArgumentException("empty validation split");
        this.settings = settings;
        this.progress = progress;
        this.classes = classes;
        this.frames = train.x()[0].length;
        this.width = train.x()[0][0].length;
        this.trainX = flatten(train.x());
        this.trainY = train.y();
        this.valX = flatten(val.x());
        this.valY = val.y();
        this.testX = test == null ? null : flatten(test.x());
        this.testY = test == null ? new int[0] : test.y();
        this.shuffle = new Random(settings.seed());
        DeviceChoice.engine();
        this.model = Model.newInstance("genrelab", DeviceChoice.device(), DeviceChoice.ENGINE);
        model.setBlock(block);
        Tracker lr = Tracker.fixed((float) settings.learningRate());
        Optimizer opt = settings.optimizer().equals("adam")
                ? Optimizer.adam().optLearningRateTracker(lr).build()
                : Optimizer.sgd().setLearningRateTracker(lr).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(opt)
                .optDevices(new Device[] {DeviceChoice.device()});
        Trainer t = null;
        try {
            t = model.newTrainer(config);
            synchronized (INIT_LOCK) {
                Engine.getEngine(DeviceChoice.ENGINE).setRandomSeed((int) settings.seed());
                t.initialize(new Shape(Math.min(settings.batchSize(), trainY.length), frames, width));
            }
        } catch (RuntimeException | Error e) { // a block that does not fit the data: free the native memory made so far
            if (t != null) t.close();
            model.close();
            throw e;
        }
        this.trainer = t;
    }

    @Override
    public double trainEpoch(int epoch) {
        int n = trainY.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates with the seeded Random
            int j = shuffle.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double lossSum = 0;
        int batches = 0;
        int correct = 0;
        int b = settings.batchSize();
        for (int start = 0; start < n; start += b) {
            int m = Math.min(b, n - start);
            try (NDManager sub = trainer.getManager().newSubManager()) {
                NDArray x = sub.create(gather(trainX, order, start, m), new Shape(m, frames, width));
                int[] yb = new int[m];
                for (int i = 0; i < m; i++) yb[i] = trainY[order[start + i]];
                NDArray y = sub.create(yb);
                try (GradientCollector gc = new ThreadGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray l = loss.evaluate(new NDList(y), new NDList(logits));
                    gc.backward(l);
                    lossSum += l.getFloat();
                    int[] pred = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
                    for (int i = 0; i < m; i++) if (pred[i] == yb[i]) correct++;
                }
                trainer.step();
            }
            batches++;
        }
        trainLoss.add(lossSum / batches);
        trainAcc.add(correct / (double) n);
        double[][] vp = probabilities(valX, valY.length);
        double vl = 0;
        int vc = 0;
        for (int i = 0; i < valY.length; i++) {
            vl -= Math.log(Math.max(vp[i][valY[i]], 1e-12));
            if (ClassificationMetrics.argmax(vp[i]) == valY[i]) vc++;
        }
        valLoss.add(vl / valY.length);
        double acc = vc / (double) valY.length;
        valAcc.add(acc);
        if (progress != null) {
            progress.accept(String.format(Locale.ROOT, "epoch %d train loss %.4f acc %.4f val loss %.4f acc %.4f", epoch,
                    trainLoss.get(trainLoss.size() - 1), trainAcc.get(trainAcc.size() - 1), vl / valY.length, acc));
        }
        if (bestEpoch == 0 || acc > valAcc.get(bestEpoch - 1)) {
            bestEpoch = epoch;
            if (testX != null) {
                bestTestProb = probabilities(testX, testY.length);
                if (progress != null) {
                    int[] pred = new int[testY.length];
                    for (int i = 0; i < pred.length; i++) pred[i] = ClassificationMetrics.argmax(bestTestProb[i]);
                    progress.accept(String.format(Locale.ROOT, "  best so far: epoch %d, test macro-F1 %.4f", epoch,
                            ClassificationMetrics.macroF1(testY, pred, classes)));
                }
            }
        }
        return acc;
    }

    /** Trains to {@code maxEpochs}, stopping after {@code patience} epochs without improvement. */
    public TrainingRun fit() {
        for (int e = 1; e <= settings.maxEpochs(); e++) {
            trainEpoch(e);
            if (settings.patience() > 0 && e - bestEpoch >= settings.patience()) break;
        }
        return result();
    }

    /** The curves so far and the test predictions at the best epoch. */
    public TrainingRun result() {
        int[] pred = new int[testY.length];
        if (bestTestProb != null) for (int i = 0; i < pred.length; i++) pred[i] = ClassificationMetrics.argmax(bestTestProb[i]);
        return new TrainingRun(List.copyOf(trainLoss), List.copyOf(trainAcc), List.copyOf(valLoss), List.copyOf(valAcc),
                bestEpoch, testY.clone(), pred, bestTestProb == null ? new double[0][] : bestTestProb,
                (System.nanoTime() - started) / 1e9, DeviceChoice.describe());
    }

    private double[][] probabilities(float[] xs, int n) {
        double[][] out = new double[n][];
        int b = 256;
        for (int start = 0; start < n; start += b) {
            int m = Math.min(b, n - start);
            try (NDManager sub = trainer.getManager().newSubManager();
                 ThreadGradientCollector.NoGrad off = ThreadGradientCollector.noGrad()) {
                float[] buf = new float[m * frames * width];
                System.arraycopy(xs, start * frames * width, buf, 0, buf.length);
                NDArray x = sub.create(buf, new Shape(m, frames, width));
                NDArray p = trainer.evaluate(new NDList(x)).singletonOrThrow().softmax(1);
                float[] f = p.toFloatArray();
                for (int i = 0; i < m; i++) {
                    out[start + i] = new double[classes];
                    for (int c = 0; c < classes; c++) out[start + i][c] = f[i * classes + c];
                }
            }
        }
        return out;
    }

    private float[] gather(float[] xs, int[] order, int start, int m) {
        int row = frames * width;
        float[] buf = new float[m * row];
        for (int i = 0; i < m; i++) System.arraycopy(xs, order[start + i] * row, buf, i * row, row);
        return buf;
    }

    private static float[] flatten(float[][][] x) {
        int f = x[0].length;
        int w = x[0][0].length;
        float[] out = new float[x.length * f * w];
        for (int i = 0; i < x.length; i++) {
            for (int t = 0; t < f; t++) System.arraycopy(x[i][t], 0, out, (i * f + t) * w, w);
        }
        return out;
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
