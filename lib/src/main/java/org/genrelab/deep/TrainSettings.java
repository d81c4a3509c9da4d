package org.genrelab.deep;

/**
 * How one network is trained.
 *
 * @param optimizer    {@code "adam"} or {@code "sgd"} (plain SGD, as the study's FCNN)
 * @param learningRate step size
 * @param batchSize    examples per step
 * @param maxEpochs    epochs at most
 * @param patience     stop after this many epochs without a better validation accuracy (0: never)
 * @param seed         seeds the engine (initialisation, dropout) and the shuffling
 */
public record TrainSettings(String optimizer, double learningRate, int batchSize, int maxEpochs, int patience,
                            long seed) {
    public TrainSettings {
        if (!optimizer.equals("adam") && !optimizer.equals("sgd")) {
            throw new IllegalArgumentException("optimizer must be adam or sgd, got " + optimizer);
        }
        if (learningRate <= 0) throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        if (maxEpochs < 1) throw new IllegalArgumentException("maxEpochs must be >= 1, got " + maxEpochs);
    }

    public TrainSettings withSeed(long s) {
        return new TrainSettings(optimizer, learningRate, batchSize, maxEpochs, patience, s);
    }

    public TrainSettings withEpochs(int epochs, int pat) {
        return new TrainSettings(optimizer, learningRate, batchSize, epochs, pat, seed);
    }
}
