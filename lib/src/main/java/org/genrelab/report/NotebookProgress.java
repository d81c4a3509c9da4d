package org.genrelab.report;

import java.util.Locale;

/**
 * Progress of long notebook work as plain lines (a console bar's carriage returns garble notebook
 * output): one line each time another tenth of the work is done, with the elapsed seconds.
 */
public final class NotebookProgress {

    private final String task;
    private final int total;
    private final long started = System.nanoTime();
    private int done;
    private int lastTenth;

    /** @param total units of work (≥ 1) */
    public NotebookProgress(String task, int total) {
        if (total < 1) throw new IllegalArgumentException("total must be >= 1, got " + total);
        this.task = task;
        this.total = total;
    }

    /** Counts one unit done; prints when a new tenth is complete. Returns the line printed, or null. */
    public synchronized String step() {
        return at(done + 1);
    }

    /**
     * Sets the units done so far, for callbacks that report a running count (worker threads may report counts out
     * of order: a smaller count than one already seen changes nothing); prints as {@link #step} does.
     */
    public synchronized String at(int doneSoFar) {
        if (doneSoFar > total) throw new IllegalArgumentException(doneSoFar + " done of " + total);
        if (doneSoFar <= done) return null;
        done = doneSoFar;
        int tenth = (int) ((long) done * 10 / total);
        if (tenth == lastTenth) return null;
        lastTenth = tenth;
        String line = String.format(Locale.ROOT, "%s: %d/%d (%d%%), %.0f s", task, done, total, tenth * 10,
                (System.nanoTime() - started) / 1e9);
        System.out.println(line);
        return line;
    }
}
