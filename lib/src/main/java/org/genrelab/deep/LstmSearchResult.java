package org.genrelab.deep;

import java.util.List;
import org.genrelab.tune.TrialRecord;

/**
 * The LSTM search: every trial (validation accuracy against the epoch it stopped at), the best
 * configuration by validation accuracy, and that configuration retrained with early stopping.
 */
public record LstmSearchResult(List<TrialRecord<LstmConfig>> trials, LstmConfig best, ModelResult retrained,
                               double searchSeconds) {
}
