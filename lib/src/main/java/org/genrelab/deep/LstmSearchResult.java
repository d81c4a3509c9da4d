package org.genrelab.deep;

import java.util.List;
import org.genrelab.tune.TrialRecord;

/**
 * The LSTM search: every trial (validation accuracy against the epoch it stopped at), the best
 * configuration by validation accuracy, and that configuration retrained with early stopping.
 *
 * @param searchSeconds wall time of this run's search (replayed trials take next to none)
 * @param resumedTrials trials replayed from the journal of an interrupted run, not trained in this one
 */
public record LstmSearchResult(List<TrialRecord<LstmConfig>> trials, LstmConfig best, ModelResult retrained,
                               double searchSeconds, int resumedTrials) {
}
