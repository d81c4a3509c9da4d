package org.genrelab.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Writes one song of a {@link GenreStyle} as MIDI and renders it to PCM with the JDK's
 * software synthesizer (Gervill), offline and faster than real time.
 *
 * <p>Rendering: the JDK's {@code AudioSynthesizer.openStream} lets us use the General MIDI
 * SoundFont {@value #FLUID_SOUNDFONT} (Debian's {@code fluid-soundfont-gm}) but lives in the
 * non-exported package {@code com.sun.media.sound}; it is used when the JVM runs with
 * {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} and the SoundFont is
 * present. Otherwise the song goes through the public {@code AudioSystem} MIDI file reader,
 * which renders with the JDK's built-in sound bank. Both are deterministic;
 * {@link #rendererName()} says which one is used (the corpus records it in its parameters).
 */
public final class SongGenerator {

    /** Debian's General MIDI SoundFont. */
    public static final String FLUID_SOUNDFONT = "/usr/share/sounds/sf2/FluidR3_GM.sf2";
    /** Rendering rate and layout: 22.05 kHz (librosa's default rate; half the synthesis cost of 44.1 kHz), 16-bit, stereo. */
    public static final int RENDER_RATE = 22050;

    private static final int PPQ = 480;
    private static final int LEAD = 0;
    private static final int HARMONY = 1;
    private static final int BASS = 2;
    private static final int DRUMS = 9;

    private static volatile Soundbank soundbank;
    private static volatile Method openStream;
    private static volatile boolean probed;
    private static volatile String soundFontProblem;

    private SongGenerator() {}

    /** What a song was drawn as: its traits, for the manifest. */
    public record Song(Sequence sequence, double tempoBpm, GenreStyle.Scale scale, GenreStyle.Drums drums,
            int leadProgram, int harmonyProgram, int bassProgram) {}

    /**
     * Composes a song of {@code style} lasting {@code seconds}, every choice drawn from {@code rnd}.
     * With probability {@link GenreStyle#CROSSOVER} each trait comes from a random other genre.
     */
    public static Song compose(GenreStyle style, double seconds, SplittableRandom rnd) {
        GenreStyle[] all = GenreStyle.values();
        Supplier<GenreStyle> pick =
                () -> rnd.nextDouble() < GenreStyle.CROSSOVER ? all[rnd.nextInt(all.length)] : style;
        GenreStyle tempoFrom = pick.get();
        double bpm = tempoFrom.tempoMin + rnd.nextDouble() * (tempoFrom.tempoMax - tempoFrom.tempoMin);
        GenreStyle scaleFrom = pick.get();
        GenreStyle.Scale scale = scaleFrom.scales.get(rnd.nextInt(scaleFrom.scales.size()));
        GenreStyle drumFrom = pick.get();
        GenreStyle.Drums drums = rnd.nextDouble() < drumFrom.drumProbability ? drumFrom.drums : GenreStyle.Drums.NONE;
        double drumDensity = drumFrom.drumDensity;
        GenreStyle leadFrom = pick.get();
        int lead = leadFrom.leadPrograms[rnd.nextInt(leadFrom.leadPrograms.length)];
        GenreStyle harmonyFrom = pick.get();
        int harmony = harmonyFrom.harmonyPrograms[rnd.nextInt(harmonyFrom.harmonyPrograms.length)];
        GenreStyle bassFrom = pick.get();
        int bass = bassFrom.bassPrograms[rnd.nextInt(bassFrom.bassPrograms.length)];
        GenreStyle melodyFrom = pick.get();
        double notesPerBeat = melodyFrom.melodyNotesPerBeat * (0.7 + 0.6 * rnd.nextDouble());
        boolean freeTime = melodyFrom.freeTime;
        GenreStyle dynFrom = pick.get();
        int velocity = dynFrom.velocity;
        int dynamics = dynFrom.dynamics;

        Sequence seq;
        try {
            seq = new Sequence(Sequence.PPQ, PPQ);
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e);
        }
        Track t = seq.createTrack();
        int mpq = (int) Math.round(60_000_000.0 / bpm);
        meta(t, 0x51, new byte[] {(byte) (mpq >> 16), (byte) (mpq >> 8), (byte) mpq}, 0);
        program(t, LEAD, lead);
        program(t, HARMONY, harmony);
        program(t, BASS, bass);
        control(t, LEAD, 7, 90 + rnd.nextInt(30));
        control(t, HARMONY, 7, 60 + rnd.nextInt(30));
        control(t, BASS, 7, 90 + rnd.nextInt(30));
        control(t, LEAD, 10, 40 + rnd.nextInt(48));
        control(t, HARMONY, 10, 30 + rnd.nextInt(68));

        long bar = 4L * PPQ;
        long end = (long) Math.floor(seconds * bpm / 60.0 * PPQ);
        int root = 40 + rnd.nextInt(12);
        int[] progression = new int[4];
        progression[0] = 0;
        for (int i = 1; i < 4; i++) progression[i] = new int[] {0, 3, 4, 5, 1, 2, 6}[rnd.nextInt(7)];
        boolean arpeggio = rnd.nextBoolean();
        for (long b = 0, i = 0; b < end; b += bar, i++) {
            int degree = progression[(int) (i % 4)];
            int vel = clamp(velocity - 20 + gauss(rnd, dynamics / 2.0));
            // harmony: triad on the degree, held or arpeggiated
            int[] chord = {scale.note(root + 12, degree), scale.note(root + 12, degree + 2),
                    scale.note(root + 12, degree + 4)};
            if (arpeggio) {
                for (int k = 0; k < 8; k++) note(t, HARMONY, chord[k % 3] + (k >= 3 && k < 6 ? 12 : 0),
                        clamp(vel - 10 + rnd.nextInt(10)), b + k * PPQ / 2, PPQ / 2, end);
            } else {
                for (int n : chord) note(t, HARMONY, n, vel - 10, b, bar - PPQ / 8, end);
            }
            // bass: root on the beats the drums leave room for
            for (int beat = 0; beat < 4; beat++) {
                if (beat % 2 == 1 && rnd.nextDouble() < 0.5) continue;
                note(t, BASS, scale.note(root, degree) - (beat == 3 && rnd.nextBoolean() ? 0 : 0),
                        clamp(velocity + gauss(rnd, dynamics / 3.0)), b + beat * PPQ, PPQ - PPQ / 8, end);
            }
            drumBar(t, drums, drumDensity, b, velocity, dynamics, rnd, end);
        }
        // lead: a random walk on the scale, a phrase then a rest
        int degree = scale.size() * 2 + rnd.nextInt(scale.size());
        long tick = bar / 2;
        while (tick < end) {
            long phraseEnd = tick + bar * (1 + rnd.nextInt(2));
            while (tick < phraseEnd && tick < end) {
                long dur;
                if (freeTime) {
                    dur = Math.max(PPQ / 8, (long) (PPQ / notesPerBeat * (0.3 + 1.4 * rnd.nextDouble())));
                } else {
                    double expected = PPQ / notesPerBeat;
                    long[] grid = {PPQ / 4, PPQ / 2, PPQ, 2L * PPQ};
                    long best = grid[0];
                    for (long g : grid) if (Math.abs(g - expected * (0.6 + 0.8 * rnd.nextDouble())) < Math.abs(best - expected)) best = g;
                    dur = best;
                }
                degree += (int) Math.round(gauss(rnd, 1.6));
                degree = Math.max(scale.size() * 2 - 2, Math.min(scale.size() * 4, degree));
                int vel = clamp(velocity + gauss(rnd, dynamics / 2.0));
                if (rnd.nextDouble() > 0.12) note(t, LEAD, scale.note(root, degree), vel, tick, dur - dur / 8, end);
                tick += dur;
            }
            tick += (long) PPQ * (1 + rnd.nextInt(4));
        }
        return new Song(seq, bpm, scale, drums, lead, harmony, bass);
    }

    private static void drumBar(Track t, GenreStyle.Drums drums, double density, long b, int velocity, int dynamics,
            SplittableRandom rnd, long end) {
        int v = clamp(velocity + 5);
        switch (drums) {
            case NONE -> { }
            case FOUR_ON_FLOOR -> {
                for (int k = 0; k < 4; k++) drum(t, 36, v, b + k * PPQ, end);
                for (int k = 0; k < 4; k++) drum(t, 46, v - 25, b + k * PPQ + PPQ / 2, end);
                drum(t, 39, v - 10, b + PPQ, end);
                drum(t, 39, v - 10, b + 3 * PPQ, end);
                hats(t, 42, density, b, v - 35, rnd, end);
            }
            case BACKBEAT, ROCK -> {
                drum(t, 36, v, b, end);
                drum(t, 36, v, b + 2 * PPQ + (rnd.nextBoolean() ? PPQ / 2 : 0), end);
                drum(t, 38, v, b + PPQ, end);
                drum(t, 38, v, b + 3 * PPQ, end);
                hats(t, drums == GenreStyle.Drums.ROCK ? 51 : 42, density, b, v - 25, rnd, end);
                if (drums == GenreStyle.Drums.ROCK && rnd.nextDouble() < 0.25) drum(t, 49, v, b, end);
            }
            case BOOM_BAP -> {
                drum(t, 36, v + 10, b, end);
                drum(t, 36, v, b + PPQ + PPQ / 2 + PPQ / 4, end);
                drum(t, 36, v, b + 2 * PPQ + PPQ / 2, end);
                drum(t, 38, v + 5, b + PPQ, end);
                drum(t, 38, v + 5, b + 3 * PPQ, end);
                hats(t, 42, density, b, v - 30, rnd, end);
            }
            case HAND_PERC -> {
                int[] perc = {62, 63, 64, 60, 61, 70};
                for (int k = 0; k < 8; k++) {
                    if (rnd.nextDouble() < 0.3 + 0.6 * density) {
                        drum(t, perc[rnd.nextInt(perc.length)], clamp(v - 15 + rnd.nextInt(25)), b + k * PPQ / 2, end);
                    }
                }
            }
            case SOFT -> {
                drum(t, 36, v - 35, b, end);
                drum(t, 37, v - 35, b + 2 * PPQ, end);
                for (int k = 0; k < 4; k++) if (rnd.nextDouble() < density) drum(t, 51, v - 45, b + k * PPQ, end);
            }
            case IRREGULAR -> {
                int[] kit = {36, 38, 41, 45, 56, 75, 76, 77, 81};
                int hits = 1 + rnd.nextInt(1 + (int) (8 * density));
                for (int k = 0; k < hits; k++) {
                    drum(t, kit[rnd.nextInt(kit.length)], clamp(v - 30 + rnd.nextInt(50)), b + rnd.nextInt(4 * PPQ), end);
                }
            }
        }
    }

    private static void hats(Track t, int note, double density, long b, int v, SplittableRandom rnd, long end) {
        int steps = density > 0.7 ? 16 : 8;
        for (int k = 0; k < steps; k++) {
            if (rnd.nextDouble() < density) drum(t, note, clamp(v + rnd.nextInt(15) - (k % 2) * 10), b + k * (4L * PPQ / steps), end);
        }
    }

    private static double gauss(SplittableRandom rnd, double sd) {
        // Box–Muller from the track's own generator (SplittableRandom has no nextGaussian of its own state)
        double u = 1.0 - rnd.nextDouble();
        double w = rnd.nextDouble();
        return sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
    }

    private static int clamp(double v) {
        return (int) Math.max(1, Math.min(127, Math.round(v)));
    }

    private static void drum(Track t, int key, int vel, long tick, long end) {
        note(t, DRUMS, key, vel, tick, PPQ / 8, end);
    }

    private static void note(Track t, int ch, int key, int vel, long tick, long dur, long end) {
        if (tick >= end || key < 0 || key > 127) return;
        shortMessage(t, ShortMessage.NOTE_ON, ch, key, clamp(vel), tick);
        shortMessage(t, ShortMessage.NOTE_OFF, ch, key, 0, Math.min(end, tick + Math.max(1, dur)));
    }

    private static void program(Track t, int ch, int prog) {
        shortMessage(t, ShortMessage.PROGRAM_CHANGE, ch, prog, 0, 0);
    }

    private static void control(Track t, int ch, int cc, int value) {
        shortMessage(t, ShortMessage.CONTROL_CHANGE, ch, cc, Math.min(127, value), 0);
    }

    private static void shortMessage(Track t, int cmd, int ch, int d1, int d2, long tick) {
        try {
            t.add(new MidiEvent(new ShortMessage(cmd, ch, d1, d2), tick));
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void meta(Track t, int type, byte[] data, long tick) {
        try {
            t.add(new MidiEvent(new MetaMessage(type, data, data.length), tick));
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Which synthesizer path and sound bank {@link #render} uses in this JVM. */
    public static String rendererName() {
        probe();
        return openStream != null ? "gervill-openStream:" + FLUID_SOUNDFONT + ":" + fileSize(FLUID_SOUNDFONT)
                : "gervill-midi-file-reader:default-soundbank:" + System.getProperty("java.version");
    }

    /** Why the SoundFont is there but not used (the JDK's sound bank renders instead), or empty. */
    public static Optional<String> soundFontProblem() {
        probe();
        return Optional.ofNullable(soundFontProblem);
    }

    private static long fileSize(String p) {
        try {
            return Files.size(Path.of(p));
        } catch (IOException e) {
            return -1;
        }
    }

    private static synchronized void probe() {
        if (probed) return;
        probed = true;
        Path sf2 = Path.of(FLUID_SOUNDFONT);
        if (!Files.isRegularFile(sf2)) return;
        try {
            Class<?> audioSynth = Class.forName("com.sun.media.sound.AudioSynthesizer");
            if (!audioSynth.getModule().isExported("com.sun.media.sound", SongGenerator.class.getModule())) return;
            Method m = audioSynth.getMethod("openStream", AudioFormat.class, Map.class);
            soundbank = MidiSystem.getSoundbank(sf2.toFile());
            openStream = m;
        } catch (ReflectiveOperationException | InvalidMidiDataException | IOException e) {
            soundFontProblem = FLUID_SOUNDFONT + " unusable (" + e + "); using the JDK sound bank";
        }
    }

    /**
     * Renders {@code seq} to interleaved 16-bit stereo PCM at {@link #RENDER_RATE}, exactly
     * {@code seconds} long (silence-padded if the synthesizer ends early).
     */
    public static short[] render(Sequence seq, double seconds) throws IOException {
        probe();
        int frames = (int) Math.round(seconds * RENDER_RATE);
        AudioFormat fmt = new AudioFormat(RENDER_RATE, 16, 2, true, false);
        byte[] bytes = new byte[frames * 4];
        if (openStream != null) {
            try {
                Synthesizer synth = MidiSystem.getSynthesizer().getClass().getConstructor().newInstance();
                Map<String, Object> info = new HashMap<>();
                info.put("load default soundbank", false);
                info.put("interpolation", "point");
                info.put("max polyphony", 32);
                info.put("reverb", false); // effects cost more than the notes and add nothing a genre needs
                info.put("chorus", false);
                try (AudioInputStream ais = (AudioInputStream) openStream.invoke(synth, fmt, info)) {
                    synth.loadAllInstruments(soundbank);
                    Receiver rec = synth.getReceiver();
                    sendAll(seq, rec);
                    readFully(ais, bytes);
                } finally {
                    synth.close();
                }
            } catch (ReflectiveOperationException | MidiUnavailableException e) {
                throw new IOException("rendering with " + FLUID_SOUNDFONT + " failed: " + e, e);
            }
        } else {
            ByteArrayOutputStream mid = new ByteArrayOutputStream();
            MidiSystem.write(seq, 0, mid);
            try (AudioInputStream ais = AudioSystem.getAudioInputStream(fmt,
                    AudioSystem.getAudioInputStream(new ByteArrayInputStream(mid.toByteArray())))) {
                readFully(ais, bytes);
            } catch (UnsupportedAudioFileException e) {
                throw new IOException("the JDK cannot render MIDI: " + e.getMessage(), e);
            }
        }
        short[] pcm = new short[frames * 2];
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        return pcm;
    }

    /** Sends every event of a single-tempo sequence with its time stamp in microseconds. */
    private static void sendAll(Sequence seq, Receiver rec) {
        double usPerTick = 500_000.0 / seq.getResolution();
        List<MidiEvent> events = new ArrayList<>();
        for (Track tr : seq.getTracks()) for (int i = 0; i < tr.size(); i++) events.add(tr.get(i));
        events.sort(Comparator.comparingLong(MidiEvent::getTick));
        for (MidiEvent e : events) {
            MidiMessage m = e.getMessage();
            if (m instanceof MetaMessage mm) {
                if (mm.getType() == 0x51) {
                    byte[] d = mm.getData();
                    int mpq = ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff);
                    usPerTick = (double) mpq / seq.getResolution();
                }
                continue;
            }
            rec.send(m, Math.round(e.getTick() * usPerTick));
        }
    }

    private static void readFully(InputStream in, byte[] buf) throws IOException {
        int off = 0;
        while (off < buf.length) {
            int n = in.read(buf, off, buf.length - off);
            if (n < 0) break;
            off += n;
        }
    }
}
