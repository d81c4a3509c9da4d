package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.genrelab.SharedData;
import org.genrelab.audio.AudioDecoder;
import org.genrelab.audio.DecodedAudio;
import org.genrelab.data.FmaTracks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset views of notebook 00 on a hand-made tracks file and an oracle clip. */
class CorpusViewTest {

    @TempDir
    Path dir;

    @Test
    void countsPerGenreAndSplitWithTotals() throws Exception {
        Path csv = dir.resolve("tracks.csv");
        Files.writeString(csv, "subset,split,track_id,genre_top,genres\nsmall,training,1,Rock,[12]\nsmall,training,2,Rock,[12]\n"
                + "small,test,3,Folk,[17]\nsmall,validation,4,Rock,[12]\n");
        var t = CorpusView.countsByGenreAndSplit(FmaTracks.load(csv), "small");
        assertEquals(List.of("Folk", "Rock", "total"), t.stringColumn("genre").asList());
        assertEquals(List.of(0, 2, 2), t.intColumn("training").asList());
        assertEquals(List.of(1, 3, 4), t.intColumn("total").asList());
        var ex = CorpusView.examples(FmaTracks.load(csv), null, 1);
        assertEquals(1L, ex.get("Rock").get(0).trackId());
    }

    @Test
    void audioPlayerEmbedsAShortMp3ThatDecodes() throws Exception {
        Path clip = SharedData.oracle().resolve("clips/synth_song_30s.mp3");
        String html = CorpusView.audioPlayer("Rock <1>", clip, 4, 48);
        assertTrue(html.contains("Rock &lt;1&gt;") && html.contains("<audio controls"), html.substring(0, 200));
        String b64 = html.substring(html.indexOf("base64,") + 7, html.indexOf("\"></audio>"));
        Path mp3 = dir.resolve("x.mp3");
        Files.write(mp3, Base64.getDecoder().decode(b64));
        DecodedAudio a = AudioDecoder.decodeMono(mp3);
        assertTrue(a.ok(), a.toString());
        assertEquals(4.0, a.durationSeconds(), 0.1);
        assertTrue(Files.size(mp3) < 40_000, "excerpt is small: " + Files.size(mp3));
        var img = Show.gridImage(List.of(CorpusView.melSpectrogram("a", clip, 5), CorpusView.melSpectrogram("b", clip, 5),
                CorpusView.melSpectrogram("c", clip, 5)), 2, 300);
        assertEquals(600, img.getWidth());
        int one = Show.image(CorpusView.melSpectrogram("a", clip, 5)).getHeight(); // the chart and its title above it
        assertTrue(one > 450, "450 pixels of chart under a title band: " + one);
        assertEquals(2 * Math.round((double) one * 300 / 800), img.getHeight());
    }
}
