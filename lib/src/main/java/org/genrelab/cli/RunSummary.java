package org.genrelab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The end of a {@code features} or {@code embed} run, in the same words for both: what was found, and what became
 * of each input (computed now, reused from the resume cache, or failed with its reason), every input counted once.
 */
final class RunSummary {

    /** How many failures are printed; failures.csv has them all. */
    static final int SHOWN_FAILURES = 20;

    /** A failed input as printed. */
    record Failed(String id, String reason) {
    }

    private RunSummary() {
    }

    /** "12 audio files in DIR" or "7997 tracks of subset 'small' in FILE". */
    static String found(int n, Path input, String subset) {
        return Files.isDirectory(input) ? n + " audio file" + (n == 1 ? "" : "s") + " in " + input
                : n + " track" + (n == 1 ? "" : "s") + " of subset '" + subset + "' in " + input;
    }

    /**
     * Prints {@code Found N …: c computed now, r reused from the cache, f failed (u of them unreadable, k remembered
     * from an earlier run).} and then the failures, the first {@value #SHOWN_FAILURES} with their reasons.
     *
     * @param failuresFile where all failures are listed
     */
    static void print(PrintStream out, String found, int computed, int reused, List<Failed> failed,
            int failedFromCache, int unreadable, Path failuresFile) {
        String remembered = failed.isEmpty() ? "" : String.format(Locale.ROOT,
                " (%d of them unreadable, %d remembered from an earlier run)", unreadable, failedFromCache);
        out.printf(Locale.ROOT, "Found %s: %d computed now, %d reused from the cache, %d failed%s.%n", found, computed, reused,
                failed.size(), remembered);
        if (failed.isEmpty()) return;
        out.println(failed.size() + " track(s) failed, listed in " + failuresFile + ":");
        failed.stream().limit(SHOWN_FAILURES).forEach(f -> out.println("  " + f.id() + ": " + f.reason().strip()));
        if (failed.size() > SHOWN_FAILURES) out.println("  … and " + (failed.size() - SHOWN_FAILURES) + " more in " + failuresFile);
    }
}
