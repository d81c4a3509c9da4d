package org.genrelab.report;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty consecutive headless executions of {@code 00-dataset.ipynb}: each must succeed (the kernel's
 * start-up race is fixed), leave no kernel JVM behind, and produce the same executed notebook.
 * {@code -Dgenrelab.stress.runs=N} changes the count.
 */
class KernelStartupStressTest {

    @Test
    void twentyConsecutiveRunsAllSucceedIdenticallyAndLeaveNoKernel(@TempDir Path out) throws Exception {
        int runs = Integer.getInteger("genrelab.stress.runs", 20);
        NotebookRunner runner = NotebookRunnerTest.runner(out);
        String first = null;
        for (int i = 1; i <= runs; i++) {
            NotebookRunner.Outcome o = runner.run(NotebookRunnerTest.ROOT.resolve("notebooks/00-dataset.ipynb"));
            final int run = i;
            assertTrue(o.ok(), () -> "run " + run + " of " + runs + " failed: " + o.error());
            assertTrue(NotebookRunnerTest.kernels().isEmpty(), "run " + i + " left a kernel JVM: " + NotebookRunnerTest.kernels());
            String nb = Files.readString(o.executed());
            if (first == null) first = nb;
            else assertEquals(first, nb, "run " + i + " gave a different executed notebook than run 1");
        }
    }
}
