package org.genrelab.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.genrelab.SharedData;
import org.genrelab.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * No Part 2 run downloads anything: a quick CNN run (the engine every model uses) in a process whose network namespace
 * has no interface up ({@code unshare -n}), so any download (DJL's engine or model zoo) would fail
 * it. Where {@code unshare -n} is not permitted (no root, no user namespaces) the test is skipped,
 * saying so.
 */
class OfflineRunTest {

    @Test
    void quickPart2RunsWithTheNetworkCut() throws Exception {
        assumeTrue(unshareWorks(), "unshare -n is not permitted here: the network-cut check cannot run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("unshare", "-n", java, "-Xmx3g", "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=2", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "part2", "--data", SharedData.data().toString(), "--mode", "quick", "cnn"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("part2,cnn,macro_f1,"), out);
        assertTrue(!out.contains("Downloading"), out);
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
