package org.genrelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.genrelab.results.RunParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Part 1's input option: {@code GENRELAB_FMA_FEATURES} and {@code genrelab report --fma-features FILE}. */
class ReportCommandFmaFeaturesTest {

    @Test
    void theVariableIsAParameterShownInEveryNotebooksFirstCell() {
        RunParameters unset = RunParameters.from(Map.of());
        assertNull(unset.fmaFeatures());
        assertEquals("(features computed from the audio)", unset.asMap().get("GENRELAB_FMA_FEATURES"));
        RunParameters set = RunParameters.from(Map.of("GENRELAB_FMA_FEATURES", "/d/features.csv"));
        assertEquals(Path.of("/d/features.csv"), set.fmaFeatures());
        assertEquals("/d/features.csv", set.asMap().get("GENRELAB_FMA_FEATURES"));
        assertNull(RunParameters.from(Map.of("GENRELAB_FMA_FEATURES", " ")).fmaFeatures(), "blank is unset");
    }

    @Test
    void theOptionReachesTheKernelsAsAudioDoes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("features.csv");
        Files.writeString(f, "");
        ReportCommand c = ReportCommandTest.parse("--fma-features", f.toString(), "--audio", "tracks.csv");
        Map<String, String> kernel = ReportCommand.kernelEnvironment(RunParameters.from(c.environment(Map.of())));
        assertEquals(f.toAbsolutePath().toString(), kernel.get("GENRELAB_FMA_FEATURES"));
        assertEquals(Path.of("tracks.csv").toAbsolutePath().toString(), kernel.get("GENRELAB_AUDIO"));
        Map<String, String> without = ReportCommand.kernelEnvironment(RunParameters.from(ReportCommandTest.parse().environment(Map.of())));
        assertFalse(without.containsKey("GENRELAB_FMA_FEATURES"), "unset: the kernels compute Part 1's features from audio");
        // the variable alone, without the option, reaches them too
        Map<String, String> fromEnv = ReportCommand.kernelEnvironment(RunParameters.from(ReportCommandTest.parse()
                .environment(Map.of("GENRELAB_FMA_FEATURES", f.toString()))));
        assertEquals(f.toAbsolutePath().toString(), fromEnv.get("GENRELAB_FMA_FEATURES"));
    }

    @Test
    void aMissingFileIsRefusedBeforeAnyNotebookRuns(@TempDir Path dir) throws Exception {
        assertEquals(2, ReportCommandTest.parse("--fma-features", dir.resolve("nope.csv").toString(), "--out",
                dir.resolve("report").toString()).call());
        assertFalse(Files.exists(dir.resolve("report")), "nothing written");
    }

    @Test
    void theHelpNamesTheOption() {
        StringWriter w = new StringWriter();
        new CommandLine(new ReportCommand()).usage(new PrintWriter(w));
        String help = w.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("--fma-features=FILE") && help.contains("FMA's published features.csv"), help);
    }
}
