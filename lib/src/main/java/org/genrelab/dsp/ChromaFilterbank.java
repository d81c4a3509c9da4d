package org.genrelab.dsp;

/**
 * librosa 0.5.0 {@code filters.chroma(sr, n_fft, n_chroma=12, A440, ctroct=5, octwidth=2, norm=2,
 * base_c=True)}: Gaussian bumps in log-frequency per chroma class (Ellis' chromagram weights),
 * L2-normalised per FFT bin, weighted by an octave Gaussian centred on octave 5, rolled to start at C.
 * Hand-written as no library provides librosa's chroma weights.
 */
public final class ChromaFilterbank {

    private ChromaFilterbank() {
    }

    /** {@code filters.chroma(sr, nFft, 12, A440)}: shape [12][1 + nFft/2]. */
    public static double[][] chroma(double sr, int nFft, double a440) {
        return chroma(sr, nFft, 12, a440, 5.0, 2.0);
    }

    /** {@code filters.chroma(sr, nFft, nChroma, A440, ctroct, octwidth, norm=2, base_c=True)}. */
    public static double[][] chroma(double sr, int nFft, int nChroma, double a440, double ctroct, double octwidth) {
        if (nFft < 2) throw new IllegalArgumentException("nFft must be >= 2, got " + nFft);
        double[] frqbins = new double[nFft];
        double fstep = sr / nFft; // np.linspace(0, sr, n_fft, endpoint=False)[1:]
        for (int k = 1; k < nFft; k++) {
            frqbins[k] = nChroma * (Math.log((k * fstep) / (a440 / 16)) / Math.log(2)); // n_chroma·hz_to_octs
        }
        frqbins[0] = frqbins[1] - 1.5 * nChroma;
        double[] binwidth = new double[nFft];
        for (int k = 0; k < nFft - 1; k++) binwidth[k] = Math.max(frqbins[k + 1] - frqbins[k], 1.0);
        binwidth[nFft - 1] = 1;
        double n2 = Math.rint(nChroma / 2.0);
        double[][] wts = new double[nChroma][nFft];
        for (int k = 0; k < nFft; k++) {
            double norm2 = 0;
            for (int c = 0; c < nChroma; c++) {
                double d = frqbins[k] - c + n2 + 10 * nChroma;
                d = d - nChroma * Math.floor(d / nChroma); // np.remainder
                d -= n2;
                double z = 2 * d / binwidth[k];
                wts[c][k] = Math.exp(-0.5 * z * z);
                norm2 += wts[c][k] * wts[c][k];
            }
            double len = Math.sqrt(norm2);
            if (len < Double.MIN_NORMAL) len = 1.0; // util.normalize threshold tiny
            double oct = (frqbins[k] / nChroma - ctroct) / octwidth;
            double octWeight = Math.exp(-0.5 * oct * oct);
            for (int c = 0; c < nChroma; c++) wts[c][k] = wts[c][k] / len * octWeight;
        }
        int nOut = 1 + nFft / 2;
        double[][] out = new double[nChroma][nOut];
        for (int c = 0; c < nChroma; c++) {
            System.arraycopy(wts[(c + 3) % nChroma], 0, out[c], 0, nOut); // np.roll(wts, -3, axis=0)
        }
        return out;
    }
}
