package org.genrelab.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.genrelab.SharedData;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** data/README.md tells users where the data comes from; its commands exist with the options it shows. */
class DataReadmeTest {

    /** Every ./genrelab command of data/README.md: bash-block lines and `…` spans in its text and tables. */
    static List<String> commands(String readme) {
        List<String> out = new ArrayList<>(ReadmeCommandsTest.commands(readme));
        Matcher m = Pattern.compile("`(\\./genrelab [^`]+)`").matcher(readme);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void everyCommandInTheDataReadmeExistsWithTheOptionsItShows() throws Exception {
        String readme = Files.readString(SharedData.repo().resolve("data/README.md"));
        List<String> cmds = commands(readme);
        assertTrue(cmds.size() >= 6, cmds.toString());
        CommandLine cli = new CommandLine(new Main());
        for (String c : cmds) {
            String[] words = c.split("\\s+");
            List<String> path = ReadmeCommandsTest.commandPath(cli, words);
            CommandLine command = ReadmeCommandsTest.command(cli, path);
            assertNotNull(command, "data/README.md's '" + c + "': no subcommand " + words[1]);
            for (String w : words) {
                if (!w.startsWith("--")) continue;
                assertNotNull(command.getCommandSpec().findOption(w), "data/README.md's '" + c + "': " + String.join(" ", path)
                        + " has no option " + w);
            }
        }
        for (String source : List.of("fma_metadata.zip", "fma_small.zip", "SizovV/Music_Genres",
                "88811fb9943055d87ff85fa8f935e55f9da45479", "study-embeddings/", "fetch-vggish.sh", "../shared/oracle/")) {
            assertTrue(readme.contains(source), "data/README.md names " + source);
        }
    }

    /** fetch-fma.sh's closing hint points at --audio with the tracks file it unpacked, not at --data (which needs more). */
    @Test
    void fetchFmaPointsAtTheAudioOption() throws Exception {
        String script = Files.readString(SharedData.repo().resolve("data/fetch-fma.sh"));
        assertTrue(script.contains("./genrelab report --audio $DEST/fma_metadata/tracks.csv"), script);
        assertFalse(script.contains("Then: ./genrelab report --data DEST\n"), script);
    }
}
