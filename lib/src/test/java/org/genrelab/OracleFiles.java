package org.genrelab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Readers for the oracle's files that tests share: its 16-bit WAV clips and its legacy_extras.csv. */
public final class OracleFiles {

    private OracleFiles() {
    }

    /** A 16-bit signed mono PCM WAV read by the JDK, as float32 samples k/32768 (what librosa.load gives). */
    public static float[] pcm16Mono(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1 || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new IOException(wav + ": expected 16-bit signed mono PCM, got " + f);
            }
            byte[] bytes = in.readAllBytes();
            ByteBuffer bb = ByteBuffer.wrap(bytes).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            float[] y = new float[bytes.length / 2];
            for (int i = 0; i < y.length; i++) y[i] = bb.getShort() / 32768f;
            return y;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + ": " + e.getMessage(), e);
        }
    }

    /** One row of oracle/features/legacy_extras.csv, numeric columns only. */
    public static Map<String, Double> extras(String trackId) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.oracle().resolve("features/legacy_extras.csv"));
        String[] header = lines.get(0).split(",");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (!f[0].equals(trackId)) continue;
            Map<String, Double> row = new HashMap<>();
            for (int i = 1; i < f.length; i++) {
                try {
                    row.put(header[i], Double.parseDouble(f[i]));
                } catch (NumberFormatException e) {
                    // text column (backend, decoder)
                }
            }
            return row;
        }
        throw new IllegalStateException("legacy_extras.csv has no row " + trackId);
    }
}
