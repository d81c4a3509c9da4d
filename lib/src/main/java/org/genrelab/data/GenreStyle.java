package org.genrelab.data;

import java.util.List;

/**
 * One of FMA's eight top-level genres as a distribution over musical traits: tempo range,
 * drum pattern and density, General MIDI programs for lead / harmony / bass, scales, melody
 * activity and dynamics. {@link SongGenerator} draws a song from these; with probability
 * {@link #CROSSOVER} a trait is drawn from another genre instead, so genres overlap as real
 * ones do and no classifier separates them perfectly.
 */
public enum GenreStyle {
    ELECTRONIC("Electronic", 15, 118, 138, Drums.FOUR_ON_FLOOR, 0.95, 0.8,
            new int[] {80, 81, 87, 84}, new int[] {88, 89, 90, 94}, new int[] {38, 39, 87},
            List.of(Scale.MINOR, Scale.DORIAN), 1.6, 92, 10, false),
    EXPERIMENTAL("Experimental", 38, 55, 170, Drums.IRREGULAR, 0.5, 0.4,
            new int[] {96, 97, 99, 101, 103, 117, 119, 122}, new int[] {92, 95, 98, 100, 50},
            new int[] {38, 43, 118}, List.of(Scale.WHOLE_TONE, Scale.CHROMATIC, Scale.LOCRIAN), 1.1, 70, 40, true),
    FOLK("Folk", 17, 76, 120, Drums.HAND_PERC, 0.35, 0.3,
            new int[] {73, 40, 105, 22, 75}, new int[] {24, 25, 105, 46}, new int[] {32, 24, 43},
            List.of(Scale.MAJOR, Scale.PENTATONIC_MAJOR, Scale.MIXOLYDIAN), 1.3, 72, 18, false),
    HIP_HOP("Hip-Hop", 21, 82, 98, Drums.BOOM_BAP, 1.0, 0.6,
            new int[] {4, 11, 0, 62, 56}, new int[] {4, 5, 0, 89, 61}, new int[] {38, 33, 34, 39},
            List.of(Scale.MINOR, Scale.PENTATONIC_MINOR, Scale.DORIAN), 0.7, 98, 12, false),
    INSTRUMENTAL("Instrumental", 1235, 60, 108, Drums.SOFT, 0.4, 0.3,
            new int[] {0, 40, 71, 68, 73}, new int[] {48, 49, 0, 46, 19}, new int[] {42, 32, 43},
            List.of(Scale.MAJOR, Scale.MINOR, Scale.HARMONIC_MINOR), 1.2, 66, 24, false),
    INTERNATIONAL("International", 2, 88, 132, Drums.HAND_PERC, 0.85, 0.7,
            new int[] {104, 106, 107, 109, 111, 21, 78}, new int[] {108, 104, 15, 21, 107}, new int[] {32, 33, 35},
            List.of(Scale.PHRYGIAN_DOMINANT, Scale.HARMONIC_MINOR, Scale.PENTATONIC_MAJOR), 1.7, 86, 16, false),
    POP("Pop", 10, 96, 126, Drums.BACKBEAT, 0.95, 0.6,
            new int[] {80, 4, 73, 54, 65}, new int[] {4, 0, 27, 89, 5}, new int[] {33, 38, 34},
            List.of(Scale.MAJOR, Scale.MIXOLYDIAN, Scale.PENTATONIC_MAJOR), 1.4, 88, 12, false),
    ROCK("Rock", 12, 108, 165, Drums.ROCK, 1.0, 0.9,
            new int[] {30, 29, 27, 18}, new int[] {29, 30, 25, 16}, new int[] {34, 33, 35},
            List.of(Scale.PENTATONIC_MINOR, Scale.MINOR, Scale.MAJOR), 1.5, 104, 10, false);

    /** Probability that one trait of a song is drawn from another genre's distribution. */
    public static final double CROSSOVER = 0.2;

    /** Drum patterns a genre plays. */
    public enum Drums { NONE, FOUR_ON_FLOOR, BACKBEAT, BOOM_BAP, ROCK, HAND_PERC, SOFT, IRREGULAR }

    /** Scales as semitone steps from the root within one octave. */
    public enum Scale {
        MAJOR(0, 2, 4, 5, 7, 9, 11), MINOR(0, 2, 3, 5, 7, 8, 10), DORIAN(0, 2, 3, 5, 7, 9, 10),
        MIXOLYDIAN(0, 2, 4, 5, 7, 9, 10), PHRYGIAN_DOMINANT(0, 1, 4, 5, 7, 8, 10),
        HARMONIC_MINOR(0, 2, 3, 5, 7, 8, 11), LOCRIAN(0, 1, 3, 5, 6, 8, 10),
        PENTATONIC_MAJOR(0, 2, 4, 7, 9), PENTATONIC_MINOR(0, 3, 5, 7, 10),
        WHOLE_TONE(0, 2, 4, 6, 8, 10), CHROMATIC(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

        final int[] steps;

        Scale(int... steps) {
            this.steps = steps;
        }

        /** The MIDI note of scale degree {@code degree} (any integer) above {@code root}. */
        int note(int root, int degree) {
            int n = steps.length;
            int oct = Math.floorDiv(degree, n);
            return root + 12 * oct + steps[Math.floorMod(degree, n)];
        }

        /** Number of degrees per octave. */
        int size() {
            return steps.length;
        }
    }

    final String title;
    final int genreId;
    final int tempoMin;
    final int tempoMax;
    final Drums drums;
    final double drumProbability;
    final double drumDensity;
    final int[] leadPrograms;
    final int[] harmonyPrograms;
    final int[] bassPrograms;
    final List<Scale> scales;
    final double melodyNotesPerBeat;
    final int velocity;
    final int dynamics;
    final boolean freeTime;

    GenreStyle(String title, int genreId, int tempoMin, int tempoMax, Drums drums, double drumProbability,
            double drumDensity, int[] leadPrograms, int[] harmonyPrograms, int[] bassPrograms, List<Scale> scales,
            double melodyNotesPerBeat, int velocity, int dynamics, boolean freeTime) {
        this.title = title;
        this.genreId = genreId;
        this.tempoMin = tempoMin;
        this.tempoMax = tempoMax;
        this.drums = drums;
        this.drumProbability = drumProbability;
        this.drumDensity = drumDensity;
        this.leadPrograms = leadPrograms;
        this.harmonyPrograms = harmonyPrograms;
        this.bassPrograms = bassPrograms;
        this.scales = scales;
        this.melodyNotesPerBeat = melodyNotesPerBeat;
        this.velocity = velocity;
        this.dynamics = dynamics;
        this.freeTime = freeTime;
    }

    /** FMA's name of the genre ({@code genre_top}), e.g. {@code Hip-Hop}. */
    public String title() {
        return title;
    }

    /** FMA's genre id ({@code genres.csv}), e.g. 21 for Hip-Hop. */
    public int genreId() {
        return genreId;
    }
}
