package org.genrelab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code ./genrelab} and {@code environment/setup.sh}, run in a sandbox: copies of the real scripts
 * with stand-ins for what they call (set-up, the JDK, apt, Maven), so the tests see what ran without installing
 * or building anything.
 */
class LauncherTest {

    static final Path REPO = SharedData.repo();

    record Run(int code, String out, String err) {
    }

    static void script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        file.toFile().setExecutable(true);
    }

    static Run run(Path dir, List<String> cmd, String path) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        if (path != null) pb.environment().put("PATH", path);
        Path out = Files.createTempFile(dir, "out", ".txt"), err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A copy of ./genrelab whose set-up and JDK are stand-ins that say when they ran. */
    static Path launcher(Path dir, boolean built) throws IOException {
        Files.copy(REPO.resolve("genrelab"), dir.resolve("genrelab"), StandardCopyOption.COPY_ATTRIBUTES);
        script(dir.resolve("environment/setup.sh"), "echo setup-ran >> \"$(dirname \"$0\")/../calls\"");
        Files.writeString(dir.resolve("environment/jdk.sh"),
                "genrelab_find_jdk() { export JAVA_HOME=\"" + dir.resolve("jdk") + "\"; }\n");
        script(dir.resolve("jdk/bin/java"), "echo \"java-ran ${*: -2}\" >> \"" + dir.resolve("calls") + "\"");
        if (built) {
            Files.createDirectories(dir.resolve("lib/target/classes"));
            Files.writeString(dir.resolve("lib/target/classpath.txt"), "");
        }
        return dir.resolve("genrelab");
    }

    static List<String> calls(Path dir) throws IOException {
        Path f = dir.resolve("calls");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    @Test
    void anUnknownCommandGetsTheUsageAtOnceWithoutSetUp(@TempDir Path dir) throws Exception {
        Path g = launcher(dir, true);
        Run r = run(dir, List.of("bash", g.toString(), "reprot", "--full"), null);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown command 'reprot'") && r.err().contains("Usage: ./genrelab <command>"), r.err());
        assertEquals(List.of(), calls(dir), "nothing set up or started");
    }

    @Test
    void aCommandsHelpUsesTheBuildWithoutSetUp(@TempDir Path dir) throws Exception {
        Path g = launcher(dir, true);
        for (List<String> args : List.of(List.of("report", "--help"), List.of("bench", "features", "-h"), List.of("part2", "--help"))) {
            List<String> cmd = new ArrayList<>(List.of("bash", g.toString()));
            cmd.addAll(args);
            assertEquals(0, run(dir, cmd, null).code(), args.toString());
        }
        assertEquals(List.of("java-ran report --help", "java-ran features -h", "java-ran part2 --help"), calls(dir),
                "help from the build, no set-up");
    }

    @Test
    void aCommandsHelpBeforeTheFirstBuildSaysToSetUp(@TempDir Path dir) throws Exception {
        Path g = launcher(dir, false);
        Run r = run(dir, List.of("bash", g.toString(), "report", "--help"), null);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("./genrelab setup"), r.err());
        assertEquals(List.of(), calls(dir));
    }

    @Test
    void aRealCommandSetsUpFirst(@TempDir Path dir) throws Exception {
        Path g = launcher(dir, true);
        assertEquals(0, run(dir, List.of("bash", g.toString(), "report", "--full"), null).code());
        assertEquals(List.of("setup-ran", "java-ran report --full"), calls(dir));
    }

    @Test
    void quietSetUpStillSaysWhenItInstallsAndBuilds(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("environment"));
        Files.copy(REPO.resolve("environment/setup.sh"), dir.resolve("environment/setup.sh"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(dir.resolve("environment/jdk.sh"), "genrelab_find_jdk() { export JAVA_HOME=/nowhere; }\n");
        script(dir.resolve("environment/write-kernelspec.sh"), "true");
        Path bin = dir.resolve("bin");
        script(bin.resolve("dpkg"), "exit 1"); // every package missing
        script(bin.resolve("apt-get"), "exit 0");
        script(bin.resolve("sudo"), "exec \"$@\"");
        script(bin.resolve("mvn"), "exit 0");
        Run r = run(dir, List.of("bash", dir.resolve("environment/setup.sh").toString(), "--quiet"),
                bin + ":" + System.getenv("PATH"));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("[setup]")).toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("[setup] installing Debian packages: jupyter-nbconvert"), lines.get(0));
        assertTrue(lines.get(1).startsWith("[setup] building lib/"), lines.get(1));
        // done: a second quiet run has nothing to say
        script(bin.resolve("dpkg"), "exit 0");
        Files.createDirectories(dir.resolve("lib/target"));
        Files.writeString(dir.resolve("lib/target/classpath.txt"), "");
        Files.createDirectories(dir.resolve("lib/spark/target"));
        Files.writeString(dir.resolve("lib/spark/target/classpath.txt"), "");
        Run again = run(dir, List.of("bash", dir.resolve("environment/setup.sh").toString(), "--quiet"),
                bin + ":" + System.getenv("PATH"));
        assertEquals(0, again.code(), again.err());
        assertEquals("", again.err());
    }
}
