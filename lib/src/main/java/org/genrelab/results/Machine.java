package org.genrelab.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine results were produced on, for result tables: CPU model, cores, memory, Java. */
public final class Machine {

    private Machine() {
    }

    /** e.g. {@code "Intel(R) Xeon(R) CPU @ 2.20GHz, 2 cores, 23 GB, Java 25.0.1, Linux"}. */
    public static String describe() {
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memoryGb() + " GB, Java "
                + Runtime.version() + ", " + System.getProperty("os.name");
    }

    /** The first {@code model name} of /proc/cpuinfo, or {@code os.arch} where there is none. */
    public static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.toLowerCase(Locale.ROOT).startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static long memoryGb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Math.round(Runtime.getRuntime().maxMemory() / 1024.0 / 1024.0 / 1024.0);
    }
}
