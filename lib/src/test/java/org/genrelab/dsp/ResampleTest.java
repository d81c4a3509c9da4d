package org.genrelab.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.genrelab.SharedData;
import org.genrelab.data.Npy;
import org.junit.jupiter.api.Test;

/** resampy 0.4.2 port against the oracle's VGGish {@code y16k} (resampy kaiser_best of the song). */
class ResampleTest {

    @Test
    void kaiserBestSongTo16kMatchesOracle() throws Exception {
        float[] y = OracleFrames.y("synth_song_30s_mp3");
        double[] x = new double[y.length];
        for (int i = 0; i < y.length; i++) x[i] = y[i];
        double[] got = Resample.resample(x, 44100, 16000, Resample.Filter.KAISER_BEST);
        double[] want = Npy.read(SharedData.oracle().resolve("vggish/synth_song_30s_mp3/y16k.npy")).data();
        assertEquals(want.length, got.length, "y16k length");
        int worst = 0;
        double dev = 0;
        for (int i = 0; i < want.length; i++) {
            double d = Math.abs(got[i] - want[i]);
            if (d > dev) { dev = d; worst = i; }
        }
        System.out.printf("y16k kaiser_best: worst |dev| %.3e at sample %d%n", dev, worst);
        assertTrue(dev <= 1e-9, "y16k: worst sample " + worst + " deviates by " + dev
                + " (java " + got[worst] + ", oracle " + want[worst] + ")");
    }

    /**
     * resampy 0.4.2 (the oracle's) sizes the output as {@code int(n * float(sr_new) / float(sr_orig))}, product first
     * (core.py, "fixed #111", commit 5c25e9c); resampy 0.2.x computed {@code int(n * (sr_new / sr_orig))}. The two
     * differ for n = 5507 at 44056 -> 16000 Hz: 2000 against 1999 (/usr/bin/python3).
     */
    @Test
    void outputLengthIsResampy042sProductFirst() {
        assertEquals(2000, Resample.resample(new double[5507], 44056, 16000, Resample.Filter.KAISER_FAST).length);
        assertEquals(2000, Resample.resample(new float[5507], 44056, 16000, Resample.Filter.KAISER_FAST).length);
    }

    @Test
    void filterTablesHaveResampysShapeAndPeak() {
        double[] best = Resample.Filter.KAISER_BEST.halfWindow();
        double[] fast = Resample.Filter.KAISER_FAST.halfWindow();
        assertEquals(50 * 8192 + 1, best.length);
        assertEquals(24 * 512 + 1, fast.length);
        // w[0] = rolloff · sinc(0) · kaiser centre (1)
        assertEquals(Resample.Filter.KAISER_BEST.rolloff, best[0], 0);
        // the last tap is kaiser end value 1/I0(beta) times rolloff·sinc(rolloff·50)
        double r = Resample.Filter.KAISER_BEST.rolloff;
        assertEquals(r * Math.sin(Math.PI * r * 50) / (Math.PI * r * 50) / Resample.besselI0(12.9846), best[best.length - 1], 1e-20);
    }

    @Test
    void besselI0KnownValues() {
        // Abramowitz & Stegun table 9.8: I0(1) = 1.266065878, I0(5) = 27.23987182
        assertEquals(1.2660658777520082, Resample.besselI0(1), 1e-15);
        assertEquals(27.239871823604442, Resample.besselI0(5), 1e-12);
    }

    @Test
    void sameRateIsACopyAndBadRatesAreRejected() {
        double[] x = {1, 2, 3};
        double[] y = Resample.resample(x, 100, 100, Resample.Filter.KAISER_FAST);
        assertEquals(3, y.length);
        assertEquals(2.0, y[1]);
        assertThrows(IllegalArgumentException.class, () -> Resample.resample(x, 0, 10, Resample.Filter.KAISER_FAST));
        assertThrows(IllegalArgumentException.class, () -> Resample.resample(x, 44100, 10, Resample.Filter.KAISER_FAST));
    }

    @Test
    void lowFrequencySinePassesDownsamplingUnchanged() {
        // a 100 Hz sine at 8 kHz resampled to 4 kHz is the same sine sampled at 4 kHz (away from the edges)
        double[] x = new double[8000];
        for (int i = 0; i < x.length; i++) x[i] = Math.sin(2 * Math.PI * 100 * i / 8000.0);
        double[] y = Resample.resample(x, 8000, 4000, Resample.Filter.KAISER_BEST);
        assertEquals(4000, y.length);
        for (int i = 200; i < 3800; i++) assertEquals(Math.sin(2 * Math.PI * 100 * i / 4000.0), y[i], 1e-5, "sample " + i);
    }

    @Test
    void kaiserFastFloat32HalvesA1kSine() {
        // float32 path (as librosa's CQT uses it): 1 kHz at 44.1 kHz -> 22.05 kHz is the same sine, to float32 noise
        float[] x = new float[44100];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(2 * Math.PI * 1000 * i / 44100.0);
        float[] y = Resample.resample(x, 44100, 22050, Resample.Filter.KAISER_FAST);
        assertEquals(22050, y.length);
        for (int i = 100; i < 21950; i++) assertEquals(Math.sin(2 * Math.PI * 1000 * i / 22050.0), y[i], 1e-4, "sample " + i);
    }

    @Test
    void float32DecimationIsBitIdenticalForSubnormalSumsAndOverflow() {
        java.util.Random r = new java.util.Random(9);
        double[] x = new double[4000];
        // the vector loop's float32 rounding against the scalar (float) cast where it is least ordinary: the
        // first half of x ordinary, the second half so small that sums fall among float32's subnormals; and
        // values that overflow float32
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() * (i < x.length / 2 ? 1 : 1e-40);
        double[] huge = new double[4000];
        for (int i = 0; i < huge.length; i++) huge[i] = r.nextGaussian() * 1e38;
        for (double[] input : new double[][] {x, huge}) {
            for (Resample.Filter f : Resample.Filter.values()) {
                double[] fast = Resample.run(input, 44100, 11025, f, true, true);
                double[] slow = Resample.run(input, 44100, 11025, f, true, false);
                org.junit.jupiter.api.Assertions.assertArrayEquals(slow, fast, 0.0, f + (input == x ? " tiny" : " huge"));
            }
        }
        double[] y = Resample.run(x, 44100, 11025, Resample.Filter.KAISER_BEST, true, true);
        assertTrue(java.util.Arrays.stream(y).anyMatch(v -> v != 0 && Math.abs(v) < 0x1p-126), "no subnormal float32 reached");
    }

    @Test
    void wholeStepDecimationIsBitIdenticalToTheGeneralLoop() {
        java.util.Random r = new java.util.Random(5);
        for (int len : new int[] {1, 2, 7, 100, 5001}) {
            double[] x = new double[len];
            for (int i = 0; i < len; i++) x[i] = (float) r.nextGaussian();
            for (Resample.Filter f : Resample.Filter.values()) {
                for (double[] rates : new double[][] {{22050, 11025}, {44100, 11025}, {48000, 16000}}) {
                    if (len * rates[1] / rates[0] < 1) continue;
                    for (boolean f32 : new boolean[] {true, false}) {
                        double[] fast = Resample.run(x, rates[0], rates[1], f, f32, true);
                        double[] slow = Resample.run(x, rates[0], rates[1], f, f32, false);
                        org.junit.jupiter.api.Assertions.assertArrayEquals(slow, fast, 0.0,
                                f + " " + rates[0] + "->" + rates[1] + " float32 " + f32 + " length " + len);
                    }
                }
            }
        }
    }

    /**
     * The general (non-whole-step) loop's fast path, {@link VectorResample} where the Vector API is present, against
     * the plain loop, bit for bit: random signals from a few samples (both wings cut short) to a few thousand, both
     * accumulators, both filters, downsampling and upsampling.
     */
    @Test
    void generalFastPathIsBitIdenticalToThePlainLoop() {
        Random r = new Random(11);
        double[][] rates = {{44100, 16000}, {48000, 16000}, {22050, 16000}, {32000, 16000}, {8000, 16000},
                {44100, 22050}, {16000, 44100}};
        for (int len : new int[] {1, 3, 17, 40, 100, 150, 333, 2600, 7100, 12000}) {
            double[] x = new double[len];
            for (int i = 0; i < len; i++) x[i] = r.nextGaussian();
            // one stretch of float32-subnormal sums and one of float32 overflow, for the float32 rounding
            for (int i = len / 3; i < len / 2; i++) x[i] *= 1e-40;
            for (int i = 3 * len / 4; i < len && len > 1000; i++) x[i] *= 1e38;
            for (Resample.Filter f : Resample.Filter.values()) {
                for (double[] rate : rates) {
                    if (len * rate[1] / rate[0] < 1) continue;
                    for (boolean f32 : new boolean[] {true, false}) {
                        double[] fast = Resample.run(x, rate[0], rate[1], f, f32, true);
                        double[] slow = Resample.run(x, rate[0], rate[1], f, f32, false);
                        assertEquals(slow.length, fast.length);
                        for (int t = 0; t < slow.length; t++) {
                            if (Double.doubleToRawLongBits(slow[t]) != Double.doubleToRawLongBits(fast[t])) {
                                fail(f + " " + rate[0] + "->" + rate[1] + " float32 " + f32 + " length " + len + ": output "
                                        + t + " is " + fast[t] + ", plain loop " + slow[t]);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The comparison above is not vacuous: where the Vector API is present, the vector loop computes the interior. */
    @Test
    void vectorLoopComputesTheInterior() {
        assumeTrue(VectorApi.AVAILABLE, "no jdk.incubator.vector");
        double[] x = new double[44100];
        Random r = new Random(3);
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        double srOrig = 44100;
        double srNew = 16000;
        Resample.Filter f = Resample.Filter.KAISER_BEST;
        double ratio = srNew / srOrig;
        double[] base = f.table();
        double[] win = new double[base.length];
        for (int i = 0; i < win.length; i++) win[i] = ratio * base[i];
        double[] delta = new double[win.length];
        for (int i = 0; i < win.length - 1; i++) delta[i] = win[i + 1] - win[i];
        long[] period = Resample.period(srOrig, srNew);
        assertArrayEquals(new long[] {160, 441}, period);
        double[] y = new double[(int) (x.length * srNew / srOrig)];
        boolean[] done = VectorResample.general(x, win, delta, ratio, f.numTable(), (int) (ratio * f.numTable()),
                1.0 / ratio, (int) period[0], (int) period[1], false, y);
        int count = 0;
        for (boolean d : done) if (d) count++;
        assertTrue(count > y.length / 2, "vector loop computed only " + count + " of " + y.length + " outputs");
        for (int t = 0; t < y.length; t++) {
            if (done[t]) {
                double want = Resample.generalOutput(x, t, win, delta, ratio, f.numTable(), (int) (ratio * f.numTable()),
                        1.0 / ratio, false);
                assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(y[t]), "output " + t);
            }
        }
    }
}
