package org.genrelab.data;

import java.util.Locale;

/** FMA's official split ({@code set/split} in {@code tracks.csv}). */
public enum Split {
    TRAINING("training", "train"),
    VALIDATION("validation", "val"),
    TEST("test", "test");

    private final String fmaName;
    private final String studyFileStem;

    Split(String fmaName, String studyFileStem) {
        this.fmaName = fmaName;
        this.studyFileStem = studyFileStem;
    }

    /** The value in FMA's {@code set/split} column. */
    public String fmaName() {
        return fmaName;
    }

    /** The stem of the study's id-list file ({@code train.npy}, {@code val.npy}, {@code test.npy}). */
    public String studyFileStem() {
        return studyFileStem;
    }

    /** Parses FMA's split name ("training", "validation", "test"; case-insensitive). */
    public static Split ofFmaName(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Split sp : values()) {
            if (sp.fmaName.equals(t) || sp.studyFileStem.equals(t)) return sp;
        }
        throw new IllegalArgumentException("unknown split '" + s + "' (expected training, validation or test)");
    }
}
