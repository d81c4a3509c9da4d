package org.genrelab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Entry point of GenreLab's Java kernel: rapaio-jupyter-kernel with two safeguards.
 * <ol>
 *   <li>It checks that the fixed {@code LoopThread} shadows the kernel's own (class path order), and
 *       refuses to start otherwise, rather than start a kernel that may hang.</li>
 *   <li>A watchdog ends this JVM when the process that launched it (Jupyter) is gone, so that no
 *       kernel JVM outlives an interrupted or killed notebook run. When {@code GENRELAB_KERNEL_PIDS}
 *       names a folder, the JVM also records its pid there for the runner's final clean-up.</li>
 * </ol>
 */
public final class KernelMain {

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        var loop = Class.forName("org.rapaio.jupyter.kernel.channels.LoopThread");
        if (loop.getProtectionDomain().getCodeSource() != null
                && !loop.getProtectionDomain().getCodeSource().equals(KernelMain.class.getProtectionDomain().getCodeSource())) {
            System.err.println("genrelab-kernel: the fixed LoopThread must come before rapaio-jupyter-kernel on the class path; "
                    + "found it in " + loop.getProtectionDomain().getCodeSource().getLocation());
            System.exit(3);
        }
        recordPid();
        startParentWatchdog();
        org.rapaio.jupyter.kernel.MainApp.main(args);
    }

    private static void recordPid() {
        String dir = System.getenv("GENRELAB_KERNEL_PIDS");
        if (dir == null || dir.isBlank()) return;
        try {
            Path d = Path.of(dir);
            Files.createDirectories(d);
            Files.writeString(d.resolve(ProcessHandle.current().pid() + ".pid"), ProcessHandle.current().pid() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            System.err.println("genrelab-kernel: cannot record pid in " + dir + ": " + e.getMessage());
        }
    }

    private static void startParentWatchdog() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty()) return;
        ProcessHandle p = parent.get();
        Thread t = new Thread(() -> {
            p.onExit().join();
            System.err.println("genrelab-kernel: parent process " + p.pid() + " ended; kernel exits");
            Runtime.getRuntime().halt(0);
        }, "genrelab-parent-watchdog");
        t.setDaemon(true);
        t.start();
    }
}
