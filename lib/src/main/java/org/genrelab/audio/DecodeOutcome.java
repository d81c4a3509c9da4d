package org.genrelab.audio;

/** What became of one decode: usable audio, or the reason a track cannot be used. */
public enum DecodeOutcome {
    /** Decoded, long enough, not silent. */
    OK,
    /**
     * Not a file GenreLab can read, so nothing was decoded: a broken symbolic link, a directory or other non-file
     * (a named pipe, a socket, a device) with an audio file's name, or a file this user may not read.
     */
    UNREADABLE,
    /** The file is empty, has no audio stream, or decoded to no samples. */
    EMPTY,
    /**
     * FFmpeg could not open or decode the file (not audio, damaged headers, random bytes), or its sample rate
     * changes mid-stream (which the ffmpeg CLI would resample and this decoder does not).
     */
    CORRUPT,
    /** Decoded length far below the duration the container declares (a cut download). */
    TRUNCATED,
    /** Decoded fine but shorter than the minimum duration asked for. */
    TOO_SHORT,
    /** Every decoded sample is zero. */
    SILENT
}
