package org.genrelab.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tempo estimate and dynamic-programming beat tracker of librosa 0.5.0
 * {@code beat.beat_track(onset_envelope=env, sr, hop_length, start_bpm=120, tightness=100,
 * trim=True)} (Ellis 2007), which FMA's extras use with the median-aggregated
 * {@link org.genrelab.dsp.OnsetStrength onset envelope}.
 *
 * <p>Tempo ({@code beat.tempo}, 0.5.0 defaults {@code std_bpm=1, ac_size=8 s, max_tempo=320,
 * aggregate=np.mean}): the {@link Tempogram} with {@code win_length = floor(int(ac_size·sr) /
 * hop)}, averaged over frames, weighted by a log-normal prior {@code exp(−½·(log2 bpm − log2
 * start_bpm)²/std²)} that is zero above max_tempo; the tempo is the bpm of the best lag (start_bpm
 * if that is lag 0). Beats: period {@code round(60·sr/hop/bpm)}; local score = envelope / its
 * sample std (ddof 1) convolved ('same') with a Gaussian of ±period frames; the DP searches
 * predecessors {@code −2·period .. −round(period/2)} with the penalty {@code −tightness·ln(−d/period)²};
 * backtracking from the last cumulative-score local maximum above half the median of those maxima;
 * trim: beats whose Hann(5)-smoothed local score is at most half its RMS are dropped from both
 * ends (librosa's slice also drops the last valid beat, and so does this port). An all-zero
 * envelope gives tempo 0 and no beats. Hand-written: librosa's exact algorithm, no Java library has it.
 */
public final class BeatTracker {

    /** librosa's default tempo prior centre. */
    public static final double START_BPM = 120.0;
    /** The prior's standard deviation in octaves. */
    public static final double STD_BPM = 1.0;
    /** Autocorrelation window of beat.tempo, seconds (0.5.0's default). */
    public static final double AC_SIZE = 8.0;
    /** Tempi above this get no prior weight. */
    public static final double MAX_TEMPO = 320.0;
    /** librosa's default DP tightness. */
    public static final double TIGHTNESS = 100.0;

    /** A tempo in BPM and beat frame indices (ascending). */
    public record Beats(double tempo, int[] frames) {
    }

    private BeatTracker() {
    }

    /** {@code beat_track(onset_envelope=env, sr=sr, hop_length=hopLength)} with librosa's defaults. */
    public static Beats beatTrack(double[] onsetEnvelope, double sr, int hopLength) {
        return beatTrack(onsetEnvelope, sr, hopLength, START_BPM, TIGHTNESS, true);
    }

    /** {@code beat_track(onset_envelope, sr, hop_length, start_bpm, tightness, trim)}. */
    public static Beats beatTrack(double[] onsetEnvelope, double sr, int hopLength, double startBpm, double tightness, boolean trim) {
        boolean any = false;
        for (double v : onsetEnvelope) if (v != 0) { any = true; break; }
        if (!any) return new Beats(0.0, new int[0]);
        double bpm = tempo(onsetEnvelope, sr, hopLength, startBpm);
        return new Beats(bpm, track(onsetEnvelope, bpm, sr / hopLength, tightness, trim));
    }

    /** {@code beat.tempo(onset_envelope, sr, hop_length, start_bpm)} with std_bpm 1, ac_size 8, max_tempo 320. */
    public static double tempo(double[] onsetEnvelope, double sr, int hopLength, double startBpm) {
        if (!(startBpm > 0)) throw new IllegalArgumentException("startBpm must be strictly positive, got " + startBpm);
        int winLength = (int) Math.floor((long) (AC_SIZE * sr) / (double) hopLength); // time_to_frames(ac_size)
        double[][] tg = Tempogram.tempogram(onsetEnvelope, winLength);
        double[] bpms = tempoFrequencies(winLength, hopLength, sr);
        int maxIdx = 0; // argmax(bpms < max_tempo)
        while (maxIdx < bpms.length && !(bpms[maxIdx] < MAX_TEMPO)) maxIdx++;
        if (maxIdx == bpms.length) maxIdx = 0;
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        double log2Start = Math.log(startBpm) / Math.log(2);
        for (int k = 0; k < winLength; k++) {
            double z = (Math.log(bpms[k]) / Math.log(2) - log2Start) / STD_BPM;
            double prior = k < maxIdx ? 0.0 : Math.exp(-0.5 * z * z);
            double score = mean(tg[k]) * prior;
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best == 0 ? startBpm : bpms[best];
    }

    /** {@code core.tempo_frequencies(n_bins, hop_length, sr)}: bpm of each autocorrelation lag, +inf at lag 0. */
    public static double[] tempoFrequencies(int nBins, int hopLength, double sr) {
        double[] f = new double[nBins];
        f[0] = Double.POSITIVE_INFINITY;
        for (int k = 1; k < nBins; k++) f[k] = 60.0 * sr / (hopLength * (double) k);
        return f;
    }

    /** The DP beat tracker ({@code __beat_tracker}) for a given tempo; frames per second {@code fftRes}. */
    static int[] track(double[] onsetEnvelope, double bpm, double fftRes, double tightness, boolean trim) {
        if (!(bpm > 0)) throw new IllegalArgumentException("bpm must be strictly positive, got " + bpm);
        if (!(tightness > 0)) throw new IllegalArgumentException("tightness must be strictly positive, got " + tightness);
        int period = (int) Math.rint(60.0 * fftRes / bpm); // Python round(): half to even
        double[] localScore = localScore(onsetEnvelope, period);
        int n = localScore.length;
        int[] backlink = new int[n];
        double[] cumScore = new double[n];
        int lo = -2 * period, hi = -(int) Math.rint(period / 2.0);
        int len = hi - lo + 1;
        double[] txwt = new double[len];
        for (int j = 0; j < len; j++) {
            double l = Math.log(-(lo + j) / (double) period);
            txwt[j] = -tightness * l * l;
        }
        double maxLocal = Double.NEGATIVE_INFINITY;
        for (double v : localScore) maxLocal = Math.max(maxLocal, v);
        boolean firstBeat = true;
        for (int i = 0; i < n; i++) {
            int w0 = lo + i; // window = arange(lo, hi+1) + i
            int zPad = Math.max(0, Math.min(-w0, len));
            int bestJ = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < len; j++) {
                double c = j < zPad ? txwt[j] : txwt[j] + cumScore[w0 + j];
                if (c > best) { // np.argmax: first maximum
                    best = c;
                    bestJ = j;
                }
            }
            cumScore[i] = localScore[i] + best;
            if (firstBeat && localScore[i] < 0.01 * maxLocal) {
                backlink[i] = -1;
            } else {
                backlink[i] = w0 + bestJ;
                firstBeat = false;
            }
        }
        List<Integer> beats = new ArrayList<>();
        beats.add(lastBeat(cumScore));
        while (backlink[beats.get(beats.size() - 1)] >= 0) beats.add(backlink[beats.get(beats.size() - 1)]);
        int[] b = new int[beats.size()];
        for (int k = 0; k < b.length; k++) b[k] = beats.get(b.length - 1 - k);
        return trimBeats(localScore, b, trim);
    }

    /** Envelope / std(ddof=1), convolved ('same') with exp(−½(32·d/period)²), d = −period..period. */
    static double[] localScore(double[] env, int period) {
        int n = env.length;
        double mean = mean(env);
        double ss = 0;
        for (double v : env) ss += (v - mean) * (v - mean);
        double std = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        double[] x = env.clone();
        if (std > 0) for (int i = 0; i < n; i++) x[i] = env[i] / std;
        double[] window = new double[2 * period + 1];
        for (int d = -period; d <= period; d++) {
            double z = d * 32.0 / period;
            window[d + period] = Math.exp(-0.5 * z * z);
        }
        return convolveSame(x, window);
    }

    /** scipy.signal.convolve(x, w, 'same'): the centre len(x) values of the full convolution. */
    static double[] convolveSame(double[] x, double[] w) {
        int n = x.length, m = w.length;
        int start = (m - 1) / 2;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int k = i + start; // index into the full convolution
            double s = 0;
            int jMin = Math.max(0, k - (n - 1)), jMax = Math.min(m - 1, k);
            for (int j = jMin; j <= jMax; j++) s += x[k - j] * w[j];
            out[i] = s;
        }
        return out;
    }

    /** The last frame whose cumulative score is a local maximum above half the median local maximum. */
    static int lastBeat(double[] cumScore) {
        int n = cumScore.length;
        boolean[] maxes = new boolean[n];
        List<Double> peaks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double prev = cumScore[Math.max(0, i - 1)], next = cumScore[Math.min(n - 1, i + 1)];
            maxes[i] = cumScore[i] > prev && cumScore[i] >= next; // util.localmax with edge padding
            if (maxes[i]) peaks.add(cumScore[i]);
        }
        double[] p = peaks.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (p.length == 0) throw new IllegalStateException("cumulative beat score has no local maximum");
        double med = p.length % 2 == 1 ? p[p.length / 2] : (p[p.length / 2 - 1] + p[p.length / 2]) / 2.0;
        for (int i = n - 1; i >= 0; i--) {
            double v = maxes[i] ? cumScore[i] * 2 : 0.0; // cumscore * maxes * 2
            if (v > med) return i;
        }
        throw new IllegalStateException("no beat above half the median cumulative score");
    }

    /** librosa's __trim_beats: keep beats[first valid : last valid] of the Hann(5)-smoothed local score. */
    static int[] trimBeats(double[] localScore, int[] beats, boolean trim) {
        double[] atBeats = new double[beats.length];
        for (int k = 0; k < beats.length; k++) atBeats[k] = localScore[beats[k]];
        double[] hann5 = new double[5]; // scipy.signal.hann(5), symmetric
        for (int k = 0; k < 5; k++) hann5[k] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * k / 4.0);
        double[] smooth = convolveSame(atBeats, hann5);
        double threshold = 0.0;
        if (trim) {
            double ms = 0;
            for (double v : smooth) ms += v * v;
            threshold = 0.5 * Math.sqrt(ms / smooth.length);
        }
        int first = -1, last = -1;
        for (int k = 0; k < smooth.length; k++) {
            if (smooth[k] > threshold) {
                if (first < 0) first = k;
                last = k;
            }
        }
        if (first < 0) throw new IllegalStateException("no beat survives trimming");
        return Arrays.copyOfRange(beats, first, last);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
