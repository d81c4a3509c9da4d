package org.genrelab.data;

import java.util.List;

/**
 * One row of FMA's track metadata: what the experiments need of it.
 *
 * @param trackId  FMA's integer track id
 * @param subset   {@code small}, {@code medium}, {@code large} (FMA's {@code set/subset})
 * @param split    official split
 * @param genreTop top-level genre, or {@code null} where FMA gives none
 * @param genres   FMA genre ids of the track ({@code track/genres})
 * @param duration duration in seconds ({@code track/duration}), NaN where the file has no such column
 */
public record FmaTrack(long trackId, String subset, Split split, String genreTop, List<Integer> genres, double duration) {
}
