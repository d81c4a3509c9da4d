package org.genrelab.cli;

import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A console progress bar (me.tongfei progressbar) fed by a "done so far" count. */
final class Progress implements IntConsumer, AutoCloseable {

    private final ProgressBar bar;

    Progress(String task, int total) {
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500).continuousUpdate().build();
    }

    @Override
    public synchronized void accept(int done) {
        bar.stepTo(done);
    }

    @Override
    public void close() {
        bar.close();
    }
}
