package org.genrelab.spark;

/**
 * How many Spark tasks a job's tracks are cut into: about four per core, so that a slow track does not hold a core's
 * share back and the driver's progress moves often, but at least two tracks per task once there are many, so that
 * Spark's per-task cost stays small against a track's (a tenth of a second to seconds).
 */
final class TrackSlices {

    private TrackSlices() {
    }

    static int count(int tracks, int cores) {
        if (tracks <= 0) throw new IllegalArgumentException("no tracks to slice");
        int byCores = 4 * Math.max(1, cores);
        return Math.max(1, Math.min(tracks, Math.max(byCores, tracks / 8)));
    }
}
