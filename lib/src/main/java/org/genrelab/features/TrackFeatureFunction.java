package org.genrelab.features;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Computes one audio file's feature vector, in the extractor's column order. Serializable, so that a distributed
 * engine can send the function to the machines that compute the tracks.
 */
@FunctionalInterface
public interface TrackFeatureFunction extends Serializable {

    /**
     * @return the values, one per column
     * @throws TrackFailedException when the track cannot give features (the reason is reported)
     * @throws Exception            anything else is reported with its message too
     */
    float[] compute(Path audio) throws Exception;

    /** A track that cannot give features, for a reason worth reporting (empty, truncated, silent, ...). */
    final class TrackFailedException extends Exception {
        public TrackFailedException(String reason) {
            super(reason);
        }
    }
}
