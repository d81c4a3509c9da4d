package org.genrelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.genrelab.audio.TestMp3Decoding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {

    static final double SECONDS = 3.0;
    static final long SEED = 7;

    @TempDir
    static Path tmp;
    static Path one;
    static Path two;
    static CorpusManifest manifest;

    /** The same tiny corpus twice: once on one thread, once on two. */
    @BeforeAll
    static void generateTwice() throws IOException {
        one = tmp.resolve("one");
        two = tmp.resolve("two");
        manifest = SyntheticCorpus.ensure(one, new SyntheticCorpus.Parameters(1, SEED, SECONDS), 1);
        SyntheticCorpus.ensure(two, new SyntheticCorpus.Parameters(1, SEED, SECONDS), 2);
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }

    @Test
    void sameSeedGivesByteIdenticalFilesWhateverTheThreadCount() throws IOException {
        Map<String, byte[]> a = files(one), b = files(two);
        assertEquals(a.keySet(), b.keySet());
        assertEquals(8 + 4, a.size(), "8 mp3 + tracks.csv, genres.csv, manifest.csv, corpus.properties: " + a.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k + " differs");
    }

    @Test
    void anotherSeedGivesOtherMusic() throws IOException {
        Path other = tmp.resolve("other");
        CorpusManifest m = SyntheticCorpus.ensure(other, new SyntheticCorpus.Parameters(1, SEED + 1, 1.0), 2);
        assertEquals(8, m.entries().size());
        assertTrue(!Files.readString(other.resolve("manifest.csv")).equals(Files.readString(one.resolve("manifest.csv"))));
    }

    @Test
    void fmaLayoutAndTracksCsvReadByFmaTracks() throws IOException {
        for (CorpusManifest.Entry e : manifest.entries()) {
            assertTrue(e.path().matches("audio/\\d{3}/\\d{6}\\.mp3"), e.path());
            assertEquals(String.format("audio/%03d/%06d.mp3", e.trackId() / 1000, e.trackId()), e.path());
            assertTrue(Files.isRegularFile(one.resolve(e.path())), e.path());
        }
        List<String> lines = Files.readAllLines(one.resolve("tracks.csv"), StandardCharsets.UTF_8);
        // FMA's three header rows: column group, column name, then the index name
        assertTrue(lines.get(0).contains("set,set,track"), lines.get(0));
        assertTrue(lines.get(1).contains("split,subset"), lines.get(1));
        assertTrue(lines.get(1).contains("genre_top,genres"), lines.get(1));
        assertTrue(lines.get(2).startsWith("track_id,"), lines.get(2));
        FmaTracks tracks = FmaTracks.load(one.resolve("tracks.csv"));
        assertEquals(8, tracks.size());
        assertEquals(8, tracks.subset("small").size());
        Set<String> genres = tracks.byId().values().stream().map(FmaTrack::genreTop).collect(Collectors.toSet());
        assertEquals(Set.of("Electronic", "Experimental", "Folk", "Hip-Hop", "Instrumental", "International", "Pop",
                "Rock"), genres);
        for (FmaTrack t : tracks.byId().values()) {
            CorpusManifest.Entry e = manifest.entries().stream().filter(x -> x.trackId() == t.trackId()).findFirst().orElseThrow();
            assertEquals(List.of(e.genre().genreId()), t.genres());
            assertEquals(SECONDS, t.duration(), 0.5);
        }
        List<String> g = Files.readAllLines(one.resolve("genres.csv"));
        assertEquals("genre_id,\"#tracks\",parent,title,top_level", g.get(0));
        assertTrue(g.contains("21,1,0,Hip-Hop,21"), g.toString());
        assertTrue(g.contains("1235,1,0,Instrumental,1235"), g.toString());
    }

    @Test
    void splitsAreFmasEightyTenTenPerGenre() {
        List<SyntheticCorpus.Plan> plans = SyntheticCorpus.plan(new SyntheticCorpus.Parameters(30, SEED, 30));
        assertEquals(240, plans.size());
        Map<GenreStyle, Map<Split, Long>> counts = new EnumMap<>(GenreStyle.class);
        for (SyntheticCorpus.Plan p : plans) {
            counts.computeIfAbsent(p.genre(), k -> new EnumMap<>(Split.class)).merge(p.split(), 1L, Long::sum);
        }
        for (GenreStyle gs : GenreStyle.values()) {
            assertEquals(Map.of(Split.TRAINING, 24L, Split.VALIDATION, 3L, Split.TEST, 3L), counts.get(gs), gs.title());
        }
        // ids strictly increase, so no two tracks share a file; encodings vary
        for (int i = 1; i < plans.size(); i++) assertTrue(plans.get(i).trackId() > plans.get(i - 1).trackId());
        assertTrue(plans.stream().anyMatch(p -> p.channels() == 1));
        assertTrue(plans.stream().anyMatch(p -> p.sampleRate() == 48000));
        assertTrue(plans.stream().map(SyntheticCorpus.Plan::bitRateKbps).distinct().count() >= 4);
    }

    @Test
    void manifestLabelsTheDefectsAndTheFilesAreDefective() throws IOException {
        Map<CorpusManifest.Condition, List<CorpusManifest.Entry>> by = manifest.entries().stream()
                .collect(Collectors.groupingBy(CorpusManifest.Entry::condition));
        assertEquals(1, by.get(CorpusManifest.Condition.EMPTY).size());
        assertEquals(1, by.get(CorpusManifest.Condition.TRUNCATED).size());
        assertEquals(1, by.get(CorpusManifest.Condition.NEAR_SILENT).size());
        assertEquals(5, by.get(CorpusManifest.Condition.OK).size());
        assertEquals(0, Files.size(one.resolve(by.get(CorpusManifest.Condition.EMPTY).get(0).path())));

        CorpusManifest.Entry trunc = by.get(CorpusManifest.Condition.TRUNCATED).get(0);
        TestMp3Decoding.Decoded t = TestMp3Decoding.decode(one.resolve(trunc.path()));
        assertTrue(t.frames() < 0.5 * SECONDS * trunc.sampleRate(), "truncated file decodes to " + t.frames() + " frames");

        CorpusManifest.Entry quiet = by.get(CorpusManifest.Condition.NEAR_SILENT).get(0);
        TestMp3Decoding.Decoded q = TestMp3Decoding.decode(one.resolve(quiet.path()));
        assertTrue(q.frames() > 0.9 * SECONDS * quiet.sampleRate());
        assertTrue(q.rms() < 1e-3, "near-silent rms " + q.rms());
        for (CorpusManifest.Entry ok : by.get(CorpusManifest.Condition.OK)) {
            TestMp3Decoding.Decoded d = TestMp3Decoding.decode(one.resolve(ok.path()));
            assertEquals(ok.sampleRate(), d.sampleRate(), ok.path());
            assertEquals(ok.channels(), d.channels(), ok.path());
            assertTrue(Math.abs(d.frames() - SECONDS * ok.sampleRate()) < 3000, ok.path() + ": " + d.frames());
            assertTrue(d.rms() > 0.01, ok.path() + " is music, rms " + d.rms());
        }
        // the manifest reads back as written
        assertEquals(manifest, CorpusManifest.read(one.resolve(CorpusManifest.FILE_NAME)));
    }

    @Test
    void ensureReusesACurrentCorpusAndRegeneratesOnChange() throws IOException {
        Path dir = tmp.resolve("cache");
        SyntheticCorpus.Parameters p = new SyntheticCorpus.Parameters(1, SEED, 1.0);
        List<String> generating = new ArrayList<>();
        SyntheticCorpus.ensure(dir, p, 2, generating::add);
        Path props = dir.resolve(SyntheticCorpus.PARAMETERS_FILE);
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(props, old);
        List<String> reusing = new ArrayList<>();
        SyntheticCorpus.ensure(dir, p, 2, reusing::add);
        assertEquals(old, Files.getLastModifiedTime(props), "a current corpus is not rewritten");
        // a generation says what it makes, its tracks done in order, and its time; a reuse says nothing
        List<String> header = generating.stream().filter(l -> l.startsWith("synthetic corpus: 8 tracks (1 per genre, seed 7)")).toList();
        assertEquals(1, header.size(), generating.toString());
        List<Integer> done = generating.stream().filter(l -> l.matches("synthetic corpus: \\d+/8 tracks, .*"))
                .map(l -> Integer.parseInt(l.substring("synthetic corpus: ".length(), l.indexOf('/')))).toList();
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), done, generating.toString());
        assertTrue(generating.get(generating.size() - 1).startsWith("synthetic corpus: 8 tracks generated in "), generating.toString());
        assertEquals(List.of(), reusing);
        CorpusManifest m = SyntheticCorpus.ensure(dir, new SyntheticCorpus.Parameters(1, SEED + 5, 1.0), 2);
        assertTrue(Files.readString(props).contains("seed=" + (SEED + 5)));
        assertEquals(m, CorpusManifest.read(dir.resolve(CorpusManifest.FILE_NAME)));
        try (Stream<Path> s = Files.walk(dir.resolve("audio"))) {
            assertEquals(8, s.filter(Files::isRegularFile).count(), "old tracks were removed");
        }
    }

    @Test
    void anInterruptedGenerationIsClearedAndRedone() throws IOException {
        Path dir = tmp.resolve("interrupted");
        Files.createDirectories(dir.resolve("audio/000"));
        Files.writeString(dir.resolve(SyntheticCorpus.INCOMPLETE_FILE), "x");
        Files.write(dir.resolve("audio/000/000001.mp3"), new byte[10]);
        CorpusManifest m = SyntheticCorpus.ensure(dir, new SyntheticCorpus.Parameters(1, SEED, 0.5), 2);
        assertTrue(Files.notExists(dir.resolve("audio/000/000001.mp3")), "the stray partial file is gone");
        assertTrue(Files.notExists(dir.resolve(SyntheticCorpus.INCOMPLETE_FILE)));
        assertEquals(8, m.entries().size());
    }

    @Test
    void refusesAFolderThatIsNotACorpus() throws IOException {
        Path dir = tmp.resolve("foreign");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "mine");
        IOException e = assertThrows(IOException.class, () -> SyntheticCorpus.ensure(dir, 1, SEED));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("not a synthetic corpus"),
                e.getMessage());
    }
}
