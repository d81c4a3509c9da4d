package org.genrelab.data;

import java.util.List;
import java.util.Locale;

import org.genrelab.data.StudyEmbeddings.SplitData;

/**
 * How a track's (frames × 128) VGGish sequence becomes one row of features for a model that takes
 * vectors, such as logistic regression or Part 1's classical models: the one place its clip statistics
 * are computed.
 */
public enum EmbeddingRepresentation {

    /** The study's: the sequence flattened row-major, {@code row[t·128 + j] = x[t][j]} (31·128 values). */
    FLATTENED("flattened", "the 31×128 sequence flattened", List.of()),

    /**
     * Per embedding dimension, the mean, standard deviation (numpy's {@code std}, ddof 0), minimum and
     * maximum over the frames, in that order of blocks (4·128 values): a summary of the clip that no
     * longer depends on where in the 30 s a sound falls.
     */
    CLIP_STATISTICS("clip-statistics", "mean, std, min and max of each dimension over the frames",
            List.of("mean", "std", "min", "max")),

    /**
     * The first two blocks of {@link #CLIP_STATISTICS}, the same values: per embedding dimension the mean and
     * standard deviation over the frames (2·128 values), the per-track table Part 1's models take.
     */
    CLIP_MEAN_STD("clip-mean-std", "mean and std of each dimension over the frames", List.of("mean", "std"));

    private final String id;
    private final String description;
    private final List<String> statistics;

    EmbeddingRepresentation(String id, String description, List<String> statistics) {
        this.id = id;
        this.description = description;
        this.statistics = statistics;
    }

    /** A short name for tables and file names, e.g. {@code clip-statistics}. */
    public String id() {
        return id;
    }

    /** What the representation is, in words. */
    public String description() {
        return description;
    }

    /**
     * The name of a row's block {@code b} (values {@code b·width} to {@code (b+1)·width − 1}): its statistic
     * ({@code mean}, {@code std}, {@code min}, {@code max}) or, flattened, its frame ({@code frame01}, …).
     */
    public String block(int b) {
        return statistics.isEmpty() ? String.format(Locale.ROOT, "frame%02d", b + 1) : statistics.get(b);
    }

    /** The representation of one (frames × width) sequence. */
    public double[] row(float[][] sequence) {
        int frames = sequence.length;
        int width = frames == 0 ? 0 : sequence[0].length;
        for (float[] frame : sequence) {
            if (frame.length != width) throw new IllegalArgumentException("ragged sequence: frames of " + width
                    + " and " + frame.length + " values");
        }
        return switch (this) {
            case FLATTENED -> flattened(sequence, width);
            case CLIP_STATISTICS, CLIP_MEAN_STD -> {
                if (frames == 0) throw new IllegalArgumentException("clip statistics need at least one frame");
                yield clipStatistics(sequence, width, statistics.size());
            }
        };
    }

    /** One row per track of a split, in the split's order. */
    public double[][] rows(SplitData split) {
        double[][] out = new double[split.size()][];
        for (int i = 0; i < out.length; i++) out[i] = row(split.x()[i]);
        return out;
    }

    private static double[] flattened(float[][] x, int width) {
        double[] out = new double[x.length * width];
        for (int t = 0; t < x.length; t++) {
            for (int j = 0; j < width; j++) out[t * width + j] = x[t][j];
        }
        return out;
    }

    /** The first {@code blocks} of mean, std, min and max per dimension, block after block. */
    private static double[] clipStatistics(float[][] x, int width, int blocks) {
        int n = x.length;
        double[] out = new double[blocks * width];
        for (int j = 0; j < width; j++) {
            double sum = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float[] frame : x) {
                sum += frame[j];
                min = Math.min(min, frame[j]);
                max = Math.max(max, frame[j]);
            }
            double mean = sum / n;
            double squares = 0; // std = sqrt(mean(|x - mean(x)|^2)), numpy's two-pass form
            for (float[] frame : x) squares += (frame[j] - mean) * (frame[j] - mean);
            out[j] = mean;
            out[width + j] = Math.sqrt(squares / n);
            if (blocks > 2) {
                out[2 * width + j] = min;
                out[3 * width + j] = max;
            }
        }
        return out;
    }
}
