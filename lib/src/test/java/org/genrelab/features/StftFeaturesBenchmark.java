package org.genrelab.features;

import org.genrelab.dsp.OracleFrames;
import org.genrelab.dsp.Stft;

/**
 * Micro-benchmark (not a test): thread CPU time of the STFT features and their statistics on a 30-s
 * oracle clip. Run with {@code java -cp <test+main classpath> org.genrelab.features.StftFeaturesBenchmark}.
 */
public final class StftFeaturesBenchmark {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        float[] y = OracleFrames.y(args.length > 0 ? args[0] : "synth_song_30s_mp3");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        for (int r = 0; r < reps; r++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            float[][] mag32 = Stft.magnitude32(y);
            double[][] mag = Stft.toDoubles(mag32);
            long t1 = CPU.getCurrentThreadCpuTime();
            Mfcc.fromMagnitude(mag32, 44100);
            long t2 = CPU.getCurrentThreadCpuTime();
            SpectralContrast.spectralContrast(mag);
            long t3 = CPU.getCurrentThreadCpuTime();
            SpectralCentroid.spectralCentroid(mag);
            SpectralBandwidth.spectralBandwidth(mag);
            SpectralRolloff.spectralRolloff(mag);
            Rmse.rmse(mag32);
            ZeroCrossingRate.zeroCrossingRate(y);
            long t4 = CPU.getCurrentThreadCpuTime();
            StftFeatures.compute(y, 44100).statistics();
            long t5 = CPU.getCurrentThreadCpuTime();
            System.out.printf("stft %.1f ms, mfcc %.1f, contrast %.1f, others %.1f; all + statistics %.1f ms%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6);
        }
    }
}
