package org.genrelab.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import org.genrelab.SharedData;
import org.genrelab.dsp.ChromaFilterbank;
import org.genrelab.dsp.ConstantQ;
import org.genrelab.dsp.OracleFrames;
import org.genrelab.dsp.Stft;
import org.genrelab.dsp.Tuning;
import org.junit.jupiter.api.Test;

/**
 * Tuning, chroma_stft, CQT, chroma_cqt, chroma_cens and tonnetz of the three oracle frame clips
 * (from their decoded y.npy) against {@code oracle/frames/<clip>/} and {@code legacy_extras.csv},
 * with the README's tolerances.
 */
class ChromaOracleTest {

    private static final double SR = 44100;

    /** legacy_extras.csv: track_id → [tuning_cqt, tuning_chroma_stft]. */
    private static Map<String, double[]> extras() throws IOException {
        List<String> lines = Files.readAllLines(SharedData.oracle().resolve("features/legacy_extras.csv"));
        List<String> head = List.of(lines.get(0).split(","));
        int iCqt = head.indexOf("tuning_cqt"), iStft = head.indexOf("tuning_chroma_stft");
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            m.put(f[0], new double[] {Double.parseDouble(f[iCqt]), Double.parseDouble(f[iStft])});
        }
        return m;
    }

    private static String trackId(String clip) {
        return clip.replace("_mp3", ".mp3");
    }

    @Test
    void tuningAndChromaStftMatchOracle() throws IOException {
        Map<String, double[]> ex = extras();
        List<String> report = new ArrayList<>();
        for (String clip : OracleFrames.CLIPS) {
            float[] y = OracleFrames.y(clip);
            double[] want = ex.get(trackId(clip));
            double tCqt = Tuning.estimateTuning(y, SR);
            assertEquals(want[0], tCqt, 1e-9, clip + ": tuning_cqt");
            float[][] power = ChromaStft.powerOf(Stft.magnitude32(y));
            double tStft = ChromaStft.tuning(power, ChromaStft.SR);
            assertEquals(want[1], tStft, 1e-9, clip + ": tuning_chroma_stft");
            double[][] basis = ChromaFilterbank.chroma(22050, 2048, 440.0 * Math.pow(2.0, tStft / 12));
            double db = OracleFrames.assertClose(clip + " chroma_basis", OracleFrames.matrix(clip, "chroma_basis"), basis, 1e-9, 0);
            double dc = OracleFrames.assertClose(clip + " chroma_stft", OracleFrames.matrix(clip, "chroma_stft"),
                    ChromaStft.chromaStft(power, ChromaStft.SR), 0, 1e-5);
            report.add(String.format("%s: tuning_cqt %.2f tuning_stft %.2f basis max|d| %.2e chroma_stft max|d| %.2e",
                    clip, tCqt, tStft, db, dc));
        }
        report.forEach(System.out::println);
    }

    /**
     * The FMA path ({@link ChromaFeatures}) gives chroma_stft FMA's {@code stft**2}: float32 squares of numpy's float32
     * {@code np.abs} of the complex64 STFT. librosa's chroma_stft is then matched to summation order (max 2e-14 here);
     * from the float64 magnitude rounded to float32, as before, it was up to 2.8e-7 off.
     */
    @Test
    void chromaStftOfTheFmaPathStartsFromFmasFloat32Power() {
        for (String clip : OracleFrames.CLIPS) {
            ChromaFeatures cf = ChromaFeatures.compute(OracleFrames.y(clip), SR);
            double d = OracleFrames.assertClose(clip + " chroma_stft", OracleFrames.matrix(clip, "chroma_stft"),
                    cf.frames().get("chroma_stft"), 0, 1e-12);
            System.out.printf("%s chroma_stft (FMA path) max |diff| %.2e%n", clip, d);
        }
    }

    /**
     * With the octaves' scaling in numpy's float32 arithmetic (y_hat / float32(√ratio), float32(√2) · y_hat), the CQT
     * magnitude matches librosa's to summation order (max 1.8e-14 here); with the float64 products rounded, as before,
     * it was up to 9.8e-7 off (chroma_cqt 2.0e-5 on the clicks).
     */
    @Test
    void cqtMagnitudeMatchesOracleToSummationOrder() {
        for (String clip : OracleFrames.CLIPS) {
            OracleFrames.assertClose(clip + " cqt_mag", OracleFrames.matrix(clip, "cqt_mag"),
                    ConstantQ.cqtMagnitude(OracleFrames.y(clip), SR), 0, 1e-12);
        }
    }

    @Test
    void cqtAndChromaCqtCensTonnetzMatchOracle() throws IOException {
        Map<String, double[]> ex = extras();
        List<String> report = new ArrayList<>();
        for (String clip : OracleFrames.CLIPS) {
            float[] y = OracleFrames.y(clip);
            // the FMA path: tuning estimated inside (tuning=None); tuningAndChromaStft checks that estimate
            double[][] c = ConstantQ.cqtMagnitude(y, SR);
            double[][] want = OracleFrames.matrix(clip, "cqt_mag");
            double dq = OracleFrames.assertClose(clip + " cqt_mag", want, c, 1e-4, 1e-5 * OracleFrames.max(want));
            double d1 = OracleFrames.assertClose(clip + " chroma_cqt", OracleFrames.matrix(clip, "chroma_cqt"), ChromaCqt.chromaCqt(c), 0, 1e-4);
            double[][] cens = ChromaCqt.chromaCens(c);
            double d2 = OracleFrames.assertClose(clip + " chroma_cens", OracleFrames.matrix(clip, "chroma_cens"), cens, 0, 1e-4);
            double d3 = OracleFrames.assertClose(clip + " tonnetz", OracleFrames.matrix(clip, "tonnetz"), ChromaCqt.tonnetz(cens), 0, 1e-4);
            report.add(String.format("%s: cqt_mag max|d| %.2e (max %.3g), chroma_cqt %.2e, cens %.2e, tonnetz %.2e",
                    clip, dq, OracleFrames.max(want), d1, d2, d3));
        }
        report.forEach(System.out::println);
    }
}
