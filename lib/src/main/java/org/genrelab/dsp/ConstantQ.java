package org.genrelab.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The constant-Q transform magnitude exactly as librosa 0.5.0 {@code abs(cqt(y, sr, hop_length,
 * fmin, n_bins, bins_per_octave, tuning))} computes it with filter_scale 1, norm 1, sparsity 0.01,
 * Hann filters and scale=True (oracle pitfall 7): one early ×2 decimation with resampy kaiser_fast
 * when the top octave allows it (at 44.1 and 48 kHz), one FFT filter basis for the top octave (complex Hann-windowed
 * exponentials, L1-normalised, centred in a power-of-two frame, scaled by length/n_fft, FFT'd and
 * sparsified to drop the smallest entries making up 1 % of each row's L1 mass), applied octave by
 * octave to a rectangular-window STFT of the signal, which is then √2·resample(·, sr, sr/2,
 * kaiser_fast, scale=True) with the hop halved; finally the rows are divided by √(filter length).
 * librosa's complex64 STFT is emulated by rounding each STFT value to float32.
 *
 * <p>When the top octave's filters reach too close to Nyquist for kaiser_fast (librosa's {@code res_type =
 * 'kaiser_best'} branch: below about 9.5 kHz for FMA's 84 bins from C1), librosa computes the top octave at the
 * full rate with its own basis, then carries on one octave lower with the basis for the next octave, also first at
 * the full rate, halving as usual after that; no early decimation happens there. Below {@link #lowestSampleRate}
 * the top filter's pass-band lies beyond Nyquist and librosa refuses the signal.
 *
 * <p>Written by hand because no library implements librosa's multirate CQT. The rectangular-window
 * framing is done here because {@link Stft} fixes a Hann window.
 */
public final class ConstantQ {

    /** Hann window bandwidth from librosa 0.5.0's {@code WINDOW_BANDWIDTHS['hann']}. */
    static final double HANN_BANDWIDTH = 1.50018310546875;

    private ConstantQ() {
    }

    /** {@code note_to_hz('C1')} = 440·2^((24 − 69)/12). */
    public static double c1() {
        return 440.0 * Math.pow(2.0, (24 - 69.0) / 12.0);
    }

    /** {@code abs(cqt(y, sr, 512, C1, 84, 12, tuning=None))}: the tuning is estimated from y. */
    public static double[][] cqtMagnitude(float[] y, double sr) {
        return cqtMagnitude(y, sr, 512, c1(), 84, 12, Tuning.estimateTuning(y, sr));
    }

    /** {@code abs(cqt(y, sr, hopLength, fmin, nBins, binsPerOctave, tuning))}: [nBins][frames]. */
    public static double[][] cqtMagnitude(float[] y, double sr, int hopLength, double fmin, int nBins,
            int binsPerOctave, double tuning) {
        int nOctaves = (int) Math.ceil((double) nBins / binsPerOctave);
        int nFilters = Math.min(binsPerOctave, nBins);
        int lenOrig = y.length;
        // cqt_frequencies(n_bins, fmin)[-bins_per_octave:] (untuned): all n_bins when there are fewer
        double fminT = Double.POSITIVE_INFINITY, fmaxT = 0;
        for (int k = Math.max(0, nBins - binsPerOctave); k < nBins; k++) {
            double f = 1.0 * fmin * Math.pow(2.0, (double) k / binsPerOctave);
            fminT = Math.min(fminT, f);
            fmaxT = Math.max(fmaxT, f);
        }
        double q = 1.0 / (Math.pow(2.0, 1.0 / binsPerOctave) - 1);
        double filterCutoff = fmaxT * (1 + 0.5 * HANN_BANDWIDTH / q);
        double nyquist = sr / 2.0;
        double bwFastest = Resample.Filter.KAISER_FAST.rolloff;
        boolean kaiserFast = filterCutoff < bwFastest * nyquist; // else librosa's res_type = 'kaiser_best'
        // __early_downsample: only when res_type is kaiser_fast
        int count1 = Math.max(0, (int) (Math.ceil(log2(bwFastest * nyquist / filterCutoff)) - 1) - 1);
        int count2 = Math.max(0, numTwoFactors(hopLength) - nOctaves + 1);
        int downCount = kaiserFast ? Math.min(count1, count2) : 0;
        float[] myY = y;
        double mySr = sr;
        int myHop = hopLength;
        if (downCount > 0) {
            int factor = 1 << downCount;
            myHop = hopLength / factor;
            if (y.length < factor) throw new IllegalArgumentException("Input signal length=" + y.length + " is too short for " + nOctaves + "-octave CQT");
            double newSr = sr / factor;
            myY = librosaResample(y, sr, newSr, false);
            mySr = newSr;
        }
        double srTop = mySr;
        List<double[][]> resp = new ArrayList<>();
        if (!kaiserFast) {
            // librosa: "Do the top octave before resampling to allow for fast resampling"; the octave loop below then
            // starts one octave lower, at the same (full) rate, and halves with kaiser_fast from its second octave on
            resp.add(response(myY, filterFft(srTop, fminT, nFilters, binsPerOctave, tuning), myHop));
            fminT /= 2;
            nOctaves -= 1;
        }
        if (numTwoFactors(myHop) < nOctaves - 1) {
            throw new IllegalArgumentException("hop_length must be a positive integer multiple of 2^" + (nOctaves - 1)
                    + " for " + nOctaves + "-octave CQT");
        }
        FilterBasis basis = filterFft(srTop, fminT, nFilters, binsPerOctave, tuning);
        for (int i = 0; i < nOctaves; i++) {
            if (i > 0) {
                if (myY.length < 2) throw new IllegalArgumentException("Input signal length=" + lenOrig + " is too short for " + nOctaves + "-octave CQT");
                myY = librosaResample(myY, mySr, mySr / 2.0, true);
                mySr /= 2.0;
                myHop /= 2;
            }
            resp.add(response(myY, basis, myHop));
        }
        // __trim_stack: lowest octave first, then keep the last n_bins rows
        int maxCol = Integer.MAX_VALUE;
        for (double[][] r : resp) maxCol = Math.min(maxCol, r[0].length);
        List<double[]> rows = new ArrayList<>();
        for (int i = resp.size() - 1; i >= 0; i--) {
            for (double[] row : resp.get(i)) rows.add(Arrays.copyOf(row, maxCol));
        }
        double[][] c = new double[nBins][];
        int first = rows.size() - nBins;
        double[] lengths = constantQLengths(srTop, fmin, nBins, binsPerOctave, tuning);
        for (int b = 0; b < nBins; b++) {
            double[] row = rows.get(first + b);
            double s = Math.sqrt(lengths[b]);
            for (int t = 0; t < row.length; t++) row[t] /= s;
            c[b] = row;
        }
        return c;
    }

    /**
     * librosa 0.5.0 {@code resample(y, orig, target, 'kaiser_fast', scale=True)} on float32 audio
     * (fix_length to ceil(n·ratio), divide by √ratio, float32 throughout); with {@code timesSqrt2} the
     * result is additionally multiplied by √2 in float32, as cqt's octave loop does.
     */
    private static float[] librosaResample(float[] y, double origSr, double targetSr, boolean timesSqrt2) {
        double ratio = targetSr / origSr;
        int nSamples = (int) Math.ceil(y.length * ratio);
        float[] r = Resample.resample(y, origSr, targetSr, Resample.Filter.KAISER_FAST);
        float[] out = Arrays.copyOf(r, nSamples); // util.fix_length: zero-pad or trim
        scale(out, ratio, timesSqrt2);
        return out;
    }

    /**
     * {@code y_hat /= np.sqrt(ratio)} (resample's scale=True), then with {@code timesSqrt2} cqt's
     * {@code np.sqrt(2) * y_hat}, in place. Both scalars are numpy float64 and y_hat is float32, so numpy 1.24
     * casts each scalar to float32 and divides or multiplies in float32.
     */
    static void scale(float[] y, double ratio, boolean timesSqrt2) {
        float s = (float) Math.sqrt(ratio);
        float sqrt2 = (float) Math.sqrt(2);
        for (int i = 0; i < y.length; i++) {
            float v = y[i] / s;
            if (timesSqrt2) v = sqrt2 * v;
            y[i] = v;
        }
    }

    /** Sparse complex FFT filter basis (rows = filters) and its FFT length. */
    record FilterBasis(int nFft, int[][] idx, double[][] re, double[][] im) {
    }

    /** {@code __cqt_filter_fft(sr, fmin, n_bins, bins_per_octave, tuning, 1, 1, 0.01, window='hann')}. */
    static FilterBasis filterFft(double sr, double fmin, int nBins, int binsPerOctave, double tuning) {
        double[] lengths = constantQLengths(sr, fmin, nBins, binsPerOctave, tuning);
        double q = 1.0 / (Math.pow(2.0, 1.0 / binsPerOctave) - 1);
        double maxLen = 0;
        for (double l : lengths) maxLen = Math.max(maxLen, l);
        int nFft = (int) Math.pow(2.0, Math.ceil(log2(maxLen)));
        int nKeep = nFft / 2 + 1;
        int[][] idx = new int[nBins][];
        double[][] re = new double[nBins][];
        double[][] im = new double[nBins][];
        DoubleFFT_1D fft = new DoubleFFT_1D(nFft);
        for (int b = 0; b < nBins; b++) {
            double ilen = lengths[b];
            double freq = q * sr / ilen;
            int n = (int) Math.ceil(ilen);
            int nMin = (int) Math.floor(ilen);
            double[] win = Windows.hann(nMin); // __float_window: periodic Hann of floor(len), zero-padded
            double[] sr_ = new double[n], si = new double[n];
            double l1 = 0;
            for (int j = 0; j < n; j++) {
                double theta = j * 2 * Math.PI * freq / sr;
                double w = j < nMin ? win[j] : 0.0;
                sr_[j] = Math.cos(theta) * w;
                si[j] = Math.sin(theta) * w;
                l1 += Math.hypot(sr_[j], si[j]);
            }
            // util.normalize(norm=1), pad_center to n_fft, times lengths/n_fft, FFT
            double[] buf = new double[2 * nFft];
            int lpad = (nFft - n) / 2;
            double scale = ilen / nFft;
            for (int j = 0; j < n; j++) {
                buf[2 * (lpad + j)] = sr_[j] / l1 * scale;
                buf[2 * (lpad + j) + 1] = si[j] / l1 * scale;
            }
            fft.complexForward(buf);
            // util.sparsify_rows(quantile=0.01)
            double[] mags = new double[nKeep];
            double norm = 0;
            for (int k = 0; k < nKeep; k++) {
                mags[k] = Math.hypot(buf[2 * k], buf[2 * k + 1]);
                norm += mags[k];
            }
            double[] sorted = mags.clone();
            Arrays.sort(sorted);
            double cum = 0;
            int thr = 0;
            for (int k = 0; k < nKeep; k++) {
                cum += sorted[k] / norm;
                if (!(cum < 0.01)) {
                    thr = k;
                    break;
                }
            }
            double cut = sorted[thr];
            int cnt = 0;
            for (int k = 0; k < nKeep; k++) if (mags[k] >= cut) cnt++;
            idx[b] = new int[cnt];
            re[b] = new double[cnt];
            im[b] = new double[cnt];
            int m = 0;
            for (int k = 0; k < nKeep; k++) {
                if (mags[k] >= cut) {
                    idx[b][m] = k;
                    re[b][m] = buf[2 * k];
                    im[b][m] = buf[2 * k + 1];
                    m++;
                }
            }
        }
        return new FilterBasis(nFft, idx, re, im);
    }

    /**
     * |basis · stft(y, n_fft, hop, window=ones)| with librosa's reflect padding and conj, complex64 STFT. Frames
     * are transformed a block at a time ({@link BatchRealFft}, one per lane); each filter's sums then run over
     * the block's lanes, in the filter's bin order.
     */
    private static double[][] response(float[] y, FilterBasis basis, int hop) {
        int nFft = basis.nFft();
        int nBinsFft = nFft / 2 + 1;
        int nFrames = Stft.nFrames(y.length, nFft, hop);
        int pad = nFft / 2;
        int nRows = basis.idx().length;
        double[][] mag = new double[nRows][nFrames];
        BatchRealFft fft = new BatchRealFft(nFft);
        int l = fft.lanes();
        double[] in = new double[nFft * l];
        double[] dRe = new double[nBinsFft * l], dIm = new double[nBinsFft * l];
        double[] accR = new double[l], accI = new double[l];
        boolean vector = VectorApi.AVAILABLE && l == VectorRealFftBatch.LANES;
        double[] yd = new double[y.length];
        for (int i = 0; i < y.length; i++) yd[i] = y[i];
        double[] ones = new double[nFft];
        Arrays.fill(ones, 1.0);
        for (int t0 = 0; t0 < nFrames; t0 += l) {
            int nb = Math.min(l, nFrames - t0);
            int first = t0 * hop - pad;
            if (vector && nb == l && first >= 0 && first + (l - 1) * hop + nFft <= y.length) {
                VectorRealFftBatch.frames(yd, first, hop, ones, in);
            } else {
                for (int j = 0; j < l; j++) {
                    int start = first + j * hop;
                    for (int i = 0; i < nFft; i++) {
                        int x = start + i;
                        in[i * l + j] = j >= nb ? 0.0 : (x >= 0 && x < y.length) ? yd[x] : yd[Stft.reflect(x, y.length)];
                    }
                }
            }
            fft.forward(in, dRe, dIm);
            for (int k = 0; k < nBinsFft * l; k++) { // complex64, conjugated
                dRe[k] = (float) dRe[k];
                dIm[k] = (float) -dIm[k];
            }
            for (int j = 0; j < l; j++) {
                dIm[j] = 0;
                dIm[(nBinsFft - 1) * l + j] = 0;
            }
            for (int r = 0; r < nRows; r++) {
                int[] ix = basis.idx()[r];
                double[] br = basis.re()[r], bi = basis.im()[r];
                if (vector) {
                    VectorRealFftBatch.sparseRow(ix, br, bi, dRe, dIm, accR, accI);
                } else {
                    Arrays.fill(accR, 0.0);
                    Arrays.fill(accI, 0.0);
                    for (int m = 0; m < ix.length; m++) {
                        int o = ix[m] * l;
                        double cr = br[m], ci = bi[m];
                        for (int j = 0; j < l; j++) {
                            accR[j] += cr * dRe[o + j] - ci * dIm[o + j];
                            accI[j] += cr * dIm[o + j] + ci * dRe[o + j];
                        }
                    }
                }
                double[] row = mag[r];
                // |C| = √(re² + im²): within an ulp of np.abs's hypot, and a fraction of Math.hypot's cost
                for (int j = 0; j < nb; j++) row[t0 + j] = Math.sqrt(accR[j] * accR[j] + accI[j] * accI[j]);
            }
        }
        return mag;
    }

    /** {@code filters.constant_q_lengths(sr, fmin, n_bins, bins_per_octave, tuning)}: Q·sr/f_k, tuned. */
    public static double[] constantQLengths(double sr, double fmin, int nBins, int binsPerOctave, double tuning) {
        double correction = Math.pow(2.0, tuning / binsPerOctave);
        double f0 = correction * fmin;
        double q = 1.0 / (Math.pow(2.0, 1.0 / binsPerOctave) - 1);
        double[] lengths = new double[nBins];
        for (int k = 0; k < nBins; k++) {
            double f = f0 * Math.pow(2.0, (double) k / binsPerOctave);
            lengths[k] = q * sr / f;
        }
        double lowest = lowestSampleRate(fmin, nBins, binsPerOctave, tuning);
        if (sr < lowest) { // librosa: freq[-1] * (1 + 0.5 * window_bandwidth(window) / Q) > sr / 2.0
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Filter pass-band lies beyond Nyquist: the top filter reaches %.1f Hz, above half the sample rate"
                            + " (%.1f Hz); these bins need a rate of at least %.1f Hz", lowest / 2, sr / 2, lowest));
        }
        return lengths;
    }

    /**
     * The lowest sample rate at which librosa 0.5.0 builds the constant-Q filters of {@code n_bins} bins from
     * {@code fmin} (Hann window, filter_scale 1): {@code filters.constant_q_lengths} raises "Filter pass-band lies
     * beyond Nyquist" when {@code freq[-1] * (1 + 0.5 * window_bandwidth('hann') / Q) > sr / 2}, freq[-1] being the
     * top bin's tuned frequency {@code 2^(tuning/bins_per_octave) · fmin · 2^((n_bins − 1)/bins_per_octave)} and
     * Q = 1/(2^(1/bins_per_octave) − 1). So the rate must be at least twice the top filter's pass-band edge, which
     * this returns (halving and doubling are exact, so {@code sr < lowestSampleRate(...)} is librosa's test exactly).
     */
    public static double lowestSampleRate(double fmin, int nBins, int binsPerOctave, double tuning) {
        double f0 = Math.pow(2.0, tuning / binsPerOctave) * fmin;
        double q = 1.0 / (Math.pow(2.0, 1.0 / binsPerOctave) - 1);
        return 2 * (f0 * Math.pow(2.0, (double) (nBins - 1) / binsPerOctave) * (1 + 0.5 * HANN_BANDWIDTH / q));
    }

    private static int numTwoFactors(int x) {
        if (x <= 0) return 0;
        int n = 0;
        while (x % 2 == 0) {
            n++;
            x /= 2;
        }
        return n;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
