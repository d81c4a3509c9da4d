package org.genrelab.features;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.genrelab.audio.AudioDecoder;
import org.genrelab.audio.DecodedAudio;
import org.genrelab.dsp.PowerToDb;
import org.genrelab.dsp.Stft;

/**
 * One clip's frame-level picture, as the study's slides show it: the waveform, the log-mel
 * spectrogram (dB), the MFCC matrix, chroma (CENS) and tonnetz, and the rhythm extras (tempo,
 * harmonic and percussive power) — all computed as FMA's features are.
 */
public record ClipAnalysis(Path file, float[] y, int sr, double[][] logMelDb, double[][] mfcc, double[][] chromaCens,
                           double[][] tonnetz, RhythmExtras rhythm) {

    /** Decodes {@code file} and analyses it; a file without usable audio is an error naming it. */
    public static ClipAnalysis of(Path file) throws IOException {
        DecodedAudio d = AudioDecoder.decodeMono(file);
        if (d.samples().length < Stft.N_FFT) throw new IOException(file + ": " + d.outcome() + ": " + d.reason());
        return of(file, d.samples(), d.sampleRate());
    }

    /** The first of {@code files} with usable audio (a dataset may hold defective files), analysed. */
    public static ClipAnalysis firstUsable(List<Path> files) throws IOException {
        for (Path f : files) {
            DecodedAudio d = AudioDecoder.decodeMono(f);
            if (d.ok()) return of(f, d.samples(), d.sampleRate());
        }
        throw new IOException("none of " + files.size() + " files decodes to usable audio");
    }

    /** Analyses mono PCM {@code y} at {@code sr}. */
    public static ClipAnalysis of(Path file, float[] y, int sr) {
        float[][] stft = Stft.magnitude32(y);
        double[][] logMel = PowerToDb.powerToDb(MelSpectrogram.fromMagnitude(stft, sr));
        var chroma = ChromaFeatures.compute(y, sr, stft).frames();
        return new ClipAnalysis(file, y, sr, logMel, Mfcc.mfcc(logMel, Mfcc.N_MFCC), chroma.get("chroma_cens"),
                chroma.get("tonnetz"), RhythmExtras.of(y, sr));
    }

    /** The waveform reduced to at most {@code points} (time in s, peak amplitude) pairs for plotting. */
    public double[][] envelope(int points) {
        int n = Math.min(points, y.length);
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            int a = (int) ((long) i * y.length / n);
            int b = (int) Math.max(a + 1, (long) (i + 1) * y.length / n);
            float peak = 0;
            for (int t = a; t < b; t++) if (Math.abs(y[t]) > Math.abs(peak)) peak = y[t];
            out[0][i] = (double) a / sr;
            out[1][i] = peak;
        }
        return out;
    }
}
