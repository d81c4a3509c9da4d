package org.genrelab.results;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * One tidy result: a (experiment, model, metric) value with its spread and provenance — a row of
 * {@code report/results/<notebook>.csv}.
 *
 * @param experiment what was run, e.g. {@code "part2-lstm"}
 * @param model      the model and its distinguishing settings, e.g. {@code "LSTM h64 l2"}
 * @param metric     e.g. {@code "macro_f1"}, {@code "accuracy"}, {@code "train_seconds"}
 * @param value      the mean over runs
 * @param std        population standard deviation over runs (0 for one run)
 * @param runs       number of runs (seeds) aggregated
 * @param seconds    wall time of the whole experiment
 * @param device     e.g. {@code "cpu (2 threads)"}
 * @param dataset    what it ran on, e.g. {@code "study-embeddings"}, {@code "synthetic-corpus"}
 */
public record ResultRow(String experiment, String model, String metric, double value, double std, int runs,
                        double seconds, String device, String dataset) {

    /** Columns of the tidy CSV, in order. */
    public static final String HEADER = "experiment,model,metric,value,std,runs,seconds,device,dataset";

    /** The experiment of Part 2's study rows, whichever notebook writes them: the report gathers them across notebooks. */
    public static final String PART2_EXPERIMENT = "part2";

    /** Metric name of the accuracy on the validation split of the model that was tested: how models are compared without the test split. */
    public static final String VAL_ACCURACY = "val_accuracy";

    /** Mean and population std of {@code values} as one row. */
    public static ResultRow of(String experiment, String model, String metric, double[] values, double seconds,
                               String device, String dataset) {
        return new ResultRow(experiment, model, metric, Mean.of(values).getAsDouble(),
                StandardDeviation.of(values).setBiased(true).getAsDouble(), values.length, seconds, device, dataset);
    }
}
