package org.genrelab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.genrelab.SharedData;
import org.genrelab.report.ReadmeHeadline;
import org.genrelab.report.Reproduction;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** README is a user's guide that stays true: short, its commands real, its results table the committed reference's. */
class ReadmeCommandsTest {

    static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    /** Every line of README's bash blocks that starts with ./genrelab, without its trailing comment. */
    static List<String> commands(String readme) {
        List<String> out = new ArrayList<>();
        Matcher m = BASH_BLOCK.matcher(readme);
        while (m.find()) {
            for (String line : m.group(1).split("\n")) {
                String l = line.strip();
                if (l.startsWith("./genrelab ")) out.add(l.replaceFirst("\\s+#.*$", ""));
            }
        }
        return out;
    }

    /**
     * The words of a README line that name a command: {@code genrelab}'s subcommand and, as long as the next word
     * is one, its subcommands ({@code bench classic}).
     */
    static List<String> commandPath(CommandLine cli, String[] words) {
        List<String> path = new ArrayList<>();
        CommandLine c = cli;
        for (int i = 1; i < words.length && c.getSubcommands().containsKey(words[i]); i++) {
            c = c.getSubcommands().get(words[i]);
            path.add(words[i]);
        }
        return path;
    }

    /** The command that {@link #commandPath} names, or null if it names none. */
    static CommandLine command(CommandLine cli, List<String> path) {
        CommandLine c = cli;
        for (String w : path) c = c.getSubcommands().get(w);
        return path.isEmpty() ? null : c;
    }

    @Test
    void readmeIsAShortGuideWithTheSectionsAUserLooksFor() throws Exception {
        String readme = Files.readString(SharedData.repo().resolve("README.md"));
        assertTrue(readme.lines().count() <= 250, "README is a user's guide of at most 250 lines: " + readme.lines().count());
        List<String> headings = readme.lines().filter(l -> l.startsWith("## ")).toList();
        for (String h : List.of("## The two commands", "## Results", "## Run on your own data", "## On a GPU", "## More than one machine",
                "## The notebooks", "## Other commands")) {
            assertTrue(headings.contains(h), "README has '" + h + "': " + headings);
        }
        assertTrue(headings.indexOf("## The two commands") < headings.indexOf("## Results"), "the two commands come first");
        List<String> cmds = commands(readme);
        assertTrue(cmds.contains("./genrelab report") && cmds.contains("./genrelab test"), "the two commands: " + cmds);
    }

    @Test
    void everyCommandInReadmeExistsWithTheOptionsItShows() throws Exception {
        List<String> cmds = commands(Files.readString(SharedData.repo().resolve("README.md")));
        assertTrue(cmds.size() >= 10, cmds.toString());
        CommandLine cli = new CommandLine(new Main());
        for (String c : cmds) {
            String[] words = c.split("\\s+");
            String sub = words[1];
            if (sub.equals("test") || sub.equals("setup")) continue; // the launcher's own (LauncherTest)
            List<String> path = commandPath(cli, words);
            CommandLine command = command(cli, path);
            assertNotNull(command, "README's '" + c + "': no subcommand " + sub);
            String name = String.join(" ", path);
            for (String w : words) {
                String option = w.replaceAll("[\\[\\]]", "").replaceFirst("=.*$", "");
                if (!option.startsWith("--")) continue;
                assertNotNull(command.getCommandSpec().findOption(option), "README's '" + c + "': " + name + " has no option " + option);
            }
            StringWriter out = new StringWriter();
            List<String> help = new ArrayList<>(path);
            help.add("--help");
            int code = new CommandLine(new Main()).setOut(new PrintWriter(out)).execute(help.toArray(String[]::new));
            assertEquals(0, code, name + " --help");
            assertTrue(out.toString().contains("Usage: genrelab " + name), out.toString());
        }
    }

    @Test
    void readmesResultsTableIsTheCommittedReferences() throws Exception {
        String readme = Files.readString(SharedData.repo().resolve("README.md"));
        assertEquals(ReadmeHeadline.block(Reproduction.referenceFolder(SharedData.repo())), ReadmeHeadline.current(readme, "README.md"),
                "README's table between the headline markers is made from notebooks/reference/ (./genrelab reference rewrites it)");
    }
}
