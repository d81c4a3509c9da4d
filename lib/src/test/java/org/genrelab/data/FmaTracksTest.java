package org.genrelab.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmaTracksTest {

    @Test
    void readsTheSimplifiedFmaSmallLabels() throws IOException {
        FmaTracks t = FmaTracks.load(SharedData.data().resolve("fma_small_tracks.csv"));
        // data/README: FMA-small's 8000 tracks minus the three without audio
        assertEquals(7997, t.size());
        assertTrue(t.get(99134).isEmpty() && t.get(108925).isEmpty() && t.get(133297).isEmpty());
        Map<Split, Long> perSplit = t.byId().values().stream().collect(Collectors.groupingBy(FmaTrack::split, Collectors.counting()));
        assertEquals(6397L, perSplit.get(Split.TRAINING));
        assertEquals(800L, perSplit.get(Split.VALIDATION));
        assertEquals(800L, perSplit.get(Split.TEST));
        Map<String, Long> perGenre = t.subset("small").stream().collect(Collectors.groupingBy(FmaTrack::genreTop, Collectors.counting()));
        assertEquals(List.of("Electronic", "Experimental", "Folk", "Hip-Hop", "Instrumental", "International", "Pop", "Rock"),
                perGenre.keySet().stream().sorted().toList());
        assertEquals(7997L, perGenre.values().stream().mapToLong(Long::longValue).sum());
        FmaTrack two = t.get(2).orElseThrow();
        assertEquals("Hip-Hop", two.genreTop());
        assertEquals(List.of(21), two.genres());
        assertEquals(Split.TRAINING, two.split());
    }

    @Test
    void readsFmasRealTwoLevelHeader(@TempDir Path dir) throws IOException {
        // the layout of FMA's tracks.csv (fma_metadata.zip): two header rows, then a track_id row;
        // text fields may hold quoted commas and line breaks
        Path csv = dir.resolve("tracks.csv");
        Files.writeString(csv, String.join("\n",
                ",album,album,set,set,track,track,track,track",
                ",title,information,split,subset,duration,genre_top,genres,title",
                "track_id,,,,,,,,",
                "2,AWOL - A Way Of Life,\"<p>multi\nline, with comma</p>\",training,small,168,Hip-Hop,[21],Food",
                "3,AWOL - A Way Of Life,,test,medium,237,Hip-Hop,\"[21, 811]\",Electric Ave",
                "20,Niris,,validation,large,311,,\"[76, 103]\",Spiritual Level",
                ""));
        FmaTracks t = FmaTracks.load(csv);
        assertEquals(3, t.size());
        FmaTrack two = t.get(2).orElseThrow();
        assertEquals("small", two.subset());
        assertEquals(168.0, two.duration());
        assertEquals(List.of(21, 811), t.get(3).orElseThrow().genres());
        assertNull(t.get(20).orElseThrow().genreTop(), "no top genre is null, not empty");
        assertEquals(Split.VALIDATION, t.get(20).orElseThrow().split());
        assertEquals(1, t.subset("small").size());
    }

    @Test
    void missingColumnsAreNamed(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "track_id,genre\n2,Hip-Hop\n");
        IOException e = assertThrows(IOException.class, () -> FmaTracks.load(csv));
        assertTrue(e.getMessage().contains("bad.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("set/split") && e.getMessage().contains("track/genre_top"), e.getMessage());
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> FmaTracks.load(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());
    }
}
