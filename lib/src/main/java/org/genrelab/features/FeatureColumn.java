package org.genrelab.features;

/**
 * One column of FMA's {@code features.csv}: the (feature, statistics, number) triple of its three
 * header rows, e.g. {@code (mfcc, mean, 01)}.
 */
public record FeatureColumn(String feature, String statistics, String number) implements Comparable<FeatureColumn> {

    @Override
    public int compareTo(FeatureColumn o) {
        int c = feature.compareTo(o.feature);
        if (c == 0) c = statistics.compareTo(o.statistics);
        return c != 0 ? c : number.compareTo(o.number);
    }

    @Override
    public String toString() {
        return feature + "/" + statistics + "/" + number;
    }
}
