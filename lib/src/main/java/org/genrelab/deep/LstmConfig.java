package org.genrelab.deep;

import java.util.Random;
import org.genrelab.tune.RandomSearch;

/**
 * One LSTM configuration of the study's search space.
 *
 * @param hidden      hidden units (search: 2^3..2^8)
 * @param layers      stacked layers (search: 1..5)
 * @param lr          Adam learning rate (search: log-uniform 1e-4..1e-1)
 * @param batch       batch size (search: 16, 32, 64, 128, 256)
 * @param dropBetween dropout between LSTM layers (search: 0..0.25)
 * @param dropOut     dropout at the output (search: 0..0.25)
 */
public record LstmConfig(int hidden, int layers, double lr, int batch, double dropBetween, double dropOut) {

    /** The study's published best configuration. */
    public static final LstmConfig PUBLISHED = new LstmConfig(64, 2, 0.006, 64, 0.1, 0.15);

    /**
     * A draw from the study's search space. Hidden sizes are 2^3..2^8: the study drew them with
     * {@code 2 ** np.random.randint(3, 9)}, whose upper bound is exclusive (its write-up says 2^9).
     */
    public static LstmConfig sample(Random rnd) {
        int hidden = 1 << RandomSearch.intBetween(rnd, 3, 8);
        int layers = RandomSearch.intBetween(rnd, 1, 5);
        double lr = RandomSearch.logUniform(rnd, 1e-4, 1e-1);
        int batch = RandomSearch.choice(rnd, 16, 32, 64, 128, 256);
        double d1 = RandomSearch.uniform(rnd, 0, 0.25);
        double d2 = RandomSearch.uniform(rnd, 0, 0.25);
        return new LstmConfig(hidden, layers, lr, batch, d1, d2);
    }

    /** Adam settings for this configuration. */
    public TrainSettings settings(int maxEpochs, int patience, long seed) {
        return new TrainSettings("adam", lr, batch, maxEpochs, patience, seed);
    }
}
