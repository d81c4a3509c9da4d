package org.genrelab.features;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrelab.audio.AudioDecoder;
import org.genrelab.audio.DecodeOutcome;
import org.genrelab.audio.DecodedAudio;
import org.genrelab.dsp.Stft;

/**
 * One track's row of GenreLab's feature table: FMA's 518 features as FMA's {@code features.py}
 * computed them with librosa 0.5.0, then the study's tempo, harmonic power and percussive power
 * ({@link FmaFeatureLayout#allColumns()} order).
 *
 * <p>Decoding problems that leave no usable audio (empty, corrupt, unreadable, too short) fail the track with
 * the decoder's reason; truncated and silent tracks are computed, as FMA did. So does a sample rate too low for
 * FMA's constant-Q chroma ({@link SampleRateTooLowException}: below about 8.0–8.5 kHz, depending on the clip's
 * tuning), with a message that names the clip's rate and the lowest one supported.
 */
public final class FmaFeatures implements TrackFeatureFunction {

    /** The columns {@link #compute} fills. */
    public static final List<FmaFeatureCsv.Column> COLUMNS = FmaFeatureLayout.allColumns();

    private final boolean withRhythm;

    /** All 521 values. */
    public FmaFeatures() {
        this(true);
    }

    /** @param withRhythm false to skip tempo and HPSS (the three extras become NaN; about 10× faster) */
    public FmaFeatures(boolean withRhythm) {
        this.withRhythm = withRhythm;
    }

    @Override
    public float[] compute(Path audio) throws Exception {
        DecodedAudio d = AudioDecoder.decodeMono(audio);
        if (d.outcome() != DecodeOutcome.OK && d.outcome() != DecodeOutcome.TRUNCATED && d.outcome() != DecodeOutcome.SILENT) {
            throw new TrackFailedException(d.outcome().name().toLowerCase(Locale.ROOT) + ": " + d.reason());
        }
        try {
            return compute(d.samples(), d.sampleRate());
        } catch (SampleRateTooLowException e) {
            throw new TrackFailedException(e.getMessage());
        }
    }

    /** Where a run keeps the feature table of a dataset: {@code <cache>/features-<dataset folder>.csv}. */
    public static Path tableFor(Path cache, Path tracksCsv) {
        return cache.resolve("features-" + tracksCsv.toAbsolutePath().getParent().getFileName() + ".csv");
    }

    /**
     * The row of mono PCM {@code y} at sample rate {@code sr}.
     *
     * @throws SampleRateTooLowException when librosa 0.5.0 refuses the clip's CQT; below
     *         {@link SampleRateTooLowException#LOWEST_SAMPLE_RATE} before anything is computed
     */
    public float[] compute(float[] y, double sr) {
        if (sr < SampleRateTooLowException.LOWEST_SAMPLE_RATE) throw new SampleRateTooLowException(sr, Double.NaN);
        float[][] stft = Stft.magnitude32(y); // FMA's stft = np.abs(librosa.stft(x)): float32, from complex64
        Map<String, float[][]> stats = new LinkedHashMap<>(StftFeatures.compute(y, sr, stft).statistics());
        stats.putAll(ChromaFeatures.compute(y, sr, stft).statistics());
        double[] fma = FmaFeatureCsv.row(FmaFeatureLayout.fmaColumns(), stats);
        float[] row = new float[COLUMNS.size()];
        for (int i = 0; i < fma.length; i++) row[i] = (float) fma[i];
        if (withRhythm) {
            RhythmExtras r = RhythmExtras.of(y, sr);
            row[fma.length] = (float) r.tempoBpm();
            row[fma.length + 1] = (float) r.harmPower();
            row[fma.length + 2] = (float) r.percPower();
        } else {
            row[fma.length] = row[fma.length + 1] = row[fma.length + 2] = Float.NaN;
        }
        return row;
    }
}
