package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class BatchRealFftTest {

    /** Lane-minor batch of random frames, some lanes scaled far apart so each lane's error is judged on its own scale. */
    private static double[][] frames(int n, int lanes, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[lanes][n];
        for (int j = 0; j < lanes; j++) {
            double scale = Math.pow(10, j % 5 - 2);
            for (int i = 0; i < n; i++) x[j][i] = scale * r.nextGaussian();
        }
        return x;
    }

    private static double[] laneMinor(double[][] x) {
        int lanes = x.length, n = x[0].length;
        double[] in = new double[n * lanes];
        for (int j = 0; j < lanes; j++) for (int i = 0; i < n; i++) in[i * lanes + j] = x[j][i];
        return in;
    }

    /** JTransforms is the independent reference: its packed real FFT, frame by frame. */
    @Test
    void everyLaneMatchesJTransformsAtEverySize() {
        for (int n : new int[] {4, 8, 64, 128, 1024, 2048, 4096}) {
            BatchRealFft fft = new BatchRealFft(n);
            int l = fft.lanes();
            double[][] x = frames(n, l, n);
            double[] re = new double[fft.bins() * l], im = new double[fft.bins() * l];
            fft.forward(laneMinor(x), re, im);
            DoubleFFT_1D jt = new DoubleFFT_1D(n);
            for (int j = 0; j < l; j++) {
                double[] a = x[j].clone();
                jt.realForward(a);
                double scale = 0;
                for (double v : a) scale = Math.max(scale, Math.abs(v));
                double tol = 1e-14 * scale;
                assertEquals(a[0], re[j], tol, "n " + n + " lane " + j + " bin 0");
                assertEquals(a[1], re[n / 2 * l + j], tol, "n " + n + " lane " + j + " Nyquist");
                assertEquals(0.0, im[j], 0.0, "bin 0 is real");
                assertEquals(0.0, im[n / 2 * l + j], 0.0, "the Nyquist bin is real");
                for (int k = 1; k < n / 2; k++) {
                    assertEquals(a[2 * k], re[k * l + j], tol, "n " + n + " lane " + j + " re bin " + k);
                    assertEquals(a[2 * k + 1], im[k * l + j], tol, "n " + n + " lane " + j + " im bin " + k);
                }
            }
        }
    }

    /** Known answer: x[i] = cos(2π·k0·i/n + φ) has X[k0] = (n/2)·e^{iφ} and nothing elsewhere. */
    @Test
    void aCosineOnABinGivesOneLine() {
        int n = 256, k0 = 19;
        BatchRealFft fft = new BatchRealFft(n);
        int l = fft.lanes();
        double[][] x = new double[l][n];
        for (int j = 0; j < l; j++) for (int i = 0; i < n; i++) x[j][i] = Math.cos(2 * Math.PI * k0 * i / n + 0.1 * j);
        double[] re = new double[fft.bins() * l], im = new double[fft.bins() * l];
        fft.forward(laneMinor(x), re, im);
        for (int j = 0; j < l; j++) {
            for (int k = 0; k <= n / 2; k++) {
                double er = k == k0 ? n / 2.0 * Math.cos(0.1 * j) : 0, ei = k == k0 ? n / 2.0 * Math.sin(0.1 * j) : 0;
                assertEquals(er, re[k * l + j], 1e-11, "lane " + j + " bin " + k);
                assertEquals(ei, im[k * l + j], 1e-11, "lane " + j + " bin " + k);
            }
        }
    }

    /** The Vector API path and the lane-by-lane path do the same operations: bit-identical results. */
    @Test
    void theVectorPathIsBitIdenticalToTheScalarPath() {
        assertTrue(VectorApi.AVAILABLE, "the tests run with --add-modules jdk.incubator.vector");
        for (int n : new int[] {4, 8, 16, 32, 128, 2048, 4096}) {
            BatchRealFft vector = new BatchRealFft(n);
            int l = vector.lanes();
            BatchRealFft scalar = new BatchRealFft(n, l + 1); // a width the vector path does not take
            double[][] x = frames(n, l, 7 + n);
            double[] vre = new double[vector.bins() * l], vim = new double[vector.bins() * l];
            vector.forward(laneMinor(x), vre, vim);
            double[][] x1 = java.util.Arrays.copyOf(x, l + 1);
            x1[l] = new double[n];
            double[] sre = new double[scalar.bins() * (l + 1)], sim = new double[scalar.bins() * (l + 1)];
            scalar.forward(laneMinor(x1), sre, sim);
            for (int k = 0; k <= n / 2; k++) {
                for (int j = 0; j < l; j++) {
                    assertEquals(Double.doubleToLongBits(sre[k * (l + 1) + j]), Double.doubleToLongBits(vre[k * l + j]), "re n " + n + " bin " + k);
                    assertEquals(Double.doubleToLongBits(sim[k * (l + 1) + j]), Double.doubleToLongBits(vim[k * l + j]), "im n " + n + " bin " + k);
                }
            }
        }
    }

    @Test
    void theInputIsLeftAsItWas() {
        BatchRealFft fft = new BatchRealFft(64);
        double[] in = laneMinor(frames(64, fft.lanes(), 3));
        double[] copy = in.clone();
        fft.forward(in, new double[fft.bins() * fft.lanes()], new double[fft.bins() * fft.lanes()]);
        assertArrayEquals(copy, in, 0.0);
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BatchRealFft(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchRealFft(96));
        assertTrue(e.getMessage().contains("power of two"), e.getMessage());
        BatchRealFft fft = new BatchRealFft(16);
        assertThrows(IllegalArgumentException.class, () -> fft.forward(new double[8], new double[9 * fft.lanes()], new double[9 * fft.lanes()]));
    }
}
