package org.genrelab.report;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.genrelab.audio.AudioDecoder;
import org.genrelab.audio.DecodedAudio;
import org.genrelab.audio.Mp3Encoder;
import org.genrelab.data.AudioCollection;
import org.genrelab.data.CorpusManifest;
import org.genrelab.data.FmaTrack;
import org.genrelab.data.FmaTracks;
import org.genrelab.data.Split;
import org.genrelab.dsp.PowerToDb;
import org.genrelab.dsp.Stft;
import org.genrelab.features.MelSpectrogram;
import org.knowm.xchart.HeatMapChart;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What notebook 00 shows of an audio dataset in FMA's layout (the embedded corpus or FMA itself):
 * tracks per genre and split, the corpus's deliberately defective files, mel spectrograms of a few
 * clips per genre, and an HTML audio player per genre (a short low-bit-rate excerpt embedded in the
 * page, so the notebook stays light).
 */
public final class CorpusView {

    private CorpusView() {
    }

    /** Tracks per genre (rows) and split (columns), with totals. */
    public static Table countsByGenreAndSplit(FmaTracks tracks, String subset) {
        Map<String, int[]> m = new TreeMap<>();
        for (FmaTrack t : tracks.subset(subset)) {
            int[] c = m.computeIfAbsent(t.genreTop(), g -> new int[Split.values().length]);
            if (t.split() != null) c[t.split().ordinal()]++;
        }
        StringColumn genre = StringColumn.create("genre");
        List<IntColumn> cols = new ArrayList<>();
        for (Split s : Split.values()) cols.add(IntColumn.create(s.fmaName()));
        IntColumn total = IntColumn.create("total");
        int[] sums = new int[Split.values().length];
        m.forEach((g, c) -> {
            genre.append(g);
            int t = 0;
            for (int i = 0; i < c.length; i++) {
                cols.get(i).append(c[i]);
                sums[i] += c[i];
                t += c[i];
            }
            total.append(t);
        });
        genre.append("total");
        int all = 0;
        for (int i = 0; i < sums.length; i++) {
            cols.get(i).append(sums[i]);
            all += sums[i];
        }
        total.append(all);
        Table out = Table.create("Tracks per genre and split", genre);
        cols.forEach(out::addColumns);
        return out.addColumns(total);
    }

    /** The manifest's files that are not complete songs, with what is wrong with them. */
    public static Table defects(CorpusManifest manifest) {
        List<CorpusManifest.Entry> bad = manifest.entries().stream()
                .filter(e -> e.condition() != CorpusManifest.Condition.OK).toList();
        return Table.create("Defective files, on purpose (as FMA has)",
                StringColumn.create("track", bad.stream().map(e -> Long.toString(e.trackId()))),
                StringColumn.create("path", bad.stream().map(CorpusManifest.Entry::path)),
                StringColumn.create("genre", bad.stream().map(e -> e.genre().title())),
                StringColumn.create("condition", bad.stream().map(e -> e.condition().label())));
    }

    /** The first {@code perGenre} complete tracks of each genre, by genre, in id order. */
    public static Map<String, List<FmaTrack>> examples(FmaTracks tracks, CorpusManifest manifest, int perGenre) {
        Set<Long> ok = new HashSet<>();
        if (manifest != null) {
            manifest.entries().stream().filter(e -> e.condition() == CorpusManifest.Condition.OK).forEach(e -> ok.add(e.trackId()));
        }
        Map<String, List<FmaTrack>> out = new TreeMap<>();
        tracks.byId().values().stream().filter(t -> t.genreTop() != null && (manifest == null || ok.contains(t.trackId())))
                .sorted(Comparator.comparingLong(FmaTrack::trackId))
                .forEach(t -> {
                    List<FmaTrack> l = out.computeIfAbsent(t.genreTop(), g -> new ArrayList<>());
                    if (l.size() < perGenre) l.add(t);
                });
        return out;
    }

    /** Log-power mel spectrogram (dB, 128 bands, librosa defaults) of the first {@code seconds} of a file. */
    public static HeatMapChart melSpectrogram(String title, Path audio, double seconds) throws IOException {
        DecodedAudio a = AudioDecoder.decodeMono(audio);
        if (!a.ok()) throw new IOException(audio + ": " + a.reason());
        float[] y = Arrays.copyOf(a.samples(), (int) Math.min(a.samples().length, seconds * a.sampleRate()));
        double[][] mag = Stft.magnitude(y);
        for (double[] row : mag) for (int i = 0; i < row.length; i++) row[i] *= row[i];
        double[][] db = PowerToDb.powerToDb(MelSpectrogram.melspectrogram(mag, a.sampleRate()));
        HeatMapChart c = Charts.heatmap(title, "mel band", db, 200);
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        return c;
    }

    /**
     * An HTML audio player for the first {@code seconds} of a file, re-encoded as mono MP3 at
     * {@code kbps} and embedded as a data URI, under a caption.
     */
    public static String audioPlayer(String caption, Path audio, double seconds, int kbps) throws IOException {
        DecodedAudio a = AudioDecoder.decodeMono(audio);
        if (!a.ok()) throw new IOException(audio + ": " + a.reason());
        int n = (int) Math.min(a.samples().length, seconds * a.sampleRate());
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) pcm[i] = (short) Math.max(-32768, Math.min(32767, Math.round(a.samples()[i] * 32768.0)));
        Path tmp = Files.createTempFile("genrelab-excerpt", ".mp3");
        try {
            Mp3Encoder.encode(pcm, a.sampleRate(), 1, kbps, tmp);
            String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(tmp));
            return "<figure style=\"display:inline-block;margin:4px 12px\"><figcaption>" + escape(caption)
                    + "</figcaption><audio controls preload=\"none\" src=\"data:audio/mpeg;base64," + b64 + "\"></audio></figure>";
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** One player per genre (its first example), in one HTML block. */
    public static String players(Map<String, List<FmaTrack>> examples, Path audioRoot, double seconds, int kbps) throws IOException {
        StringBuilder sb = new StringBuilder("<div>");
        Map<String, Path> first = new LinkedHashMap<>();
        examples.forEach((g, l) -> {
            if (!l.isEmpty()) first.put(g, AudioCollection.fmaPath(audioRoot, l.get(0).trackId()));
        });
        for (var e : first.entrySet()) {
            sb.append(audioPlayer(e.getKey() + " (" + e.getValue().getFileName() + ")", e.getValue(), seconds, kbps));
        }
        return sb.append("</div>").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
