package org.genrelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.genrelab.results.PredictionsCsv;
import org.genrelab.report.ReadmeHeadline;
import org.genrelab.report.Reproduction;
import org.genrelab.results.ResultsCsv;
import org.genrelab.results.RunParameters;
import org.genrelab.results.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code genrelab reference}: copies a full run's results into {@code notebooks/reference/}, the reference the
 * report's headline compares every run with, and rewrites README's headline table from it.
 */
@Command(name = "reference", mixinStandardHelpOptions = true,
        description = {"Copies a full run's results into notebooks/reference/ (the reference of the report's headline):",
                "each notebook's results/<notebook>.csv with its run record (.run.json), and the test predictions",
                "(labels only) that the headline's intervals need; then rewrites README.md's headline table.",
                "Only full runs are taken (./genrelab report --full, or --full --only NOTEBOOK for one at a time)."})
public final class ReferenceCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "DIR", description = "The report folder of the full run (default: report/).")
    Path from;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Take only these notebooks (default: every notebook with results in --from).")
    List<String> only;

    @Option(names = "--root", hidden = true, description = "The repository (default: the launcher's).")
    Path root;

    @Override
    public Integer call() throws IOException {
        Path repo = (root != null ? root : RunParameters.fromEnvironment().root()).toAbsolutePath().normalize();
        Path source = (from != null ? from : repo.resolve("report")).toAbsolutePath().normalize();
        Path target = Reproduction.referenceFolder(repo);
        try {
            List<String> taken = copy(source, target, only);
            for (String nb : taken) System.out.println("reference: " + nb + " from " + source);
        } catch (IllegalArgumentException e) {
            System.err.println("genrelab reference: " + e.getMessage());
            return 2;
        }
        Path readme = repo.resolve("README.md");
        if (Files.isRegularFile(readme)) {
            boolean changed = ReadmeHeadline.rewrite(readme, target);
            System.out.println(changed ? "README.md: headline table rewritten from " + target : "README.md: headline table unchanged");
        }
        return 0;
    }

    /**
     * Copies the notebooks' results, run records and label-only predictions from a report folder into the reference
     * folder; every results file must have a run record of a full run.
     *
     * @param only the notebooks to take, or null for all that {@code source} has
     * @return the notebooks taken
     * @throws IllegalArgumentException naming what is missing or not a full run, before anything is copied
     */
    static List<String> copy(Path source, Path target, List<String> only) throws IOException {
        Path results = source.resolve("results");
        if (!Files.isDirectory(results)) {
            throw new IllegalArgumentException(source + " holds no results/ folder: run ./genrelab report --full first");
        }
        List<String> notebooks;
        if (only != null && !only.isEmpty()) {
            notebooks = List.copyOf(only);
        } else {
            try (Stream<Path> s = Files.list(results)) {
                notebooks = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                        .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            }
        }
        if (notebooks.isEmpty()) throw new IllegalArgumentException(results + " holds no results files");
        List<String> problems = new ArrayList<>();
        for (String nb : notebooks) {
            Path csv = results.resolve(nb + ".csv");
            if (!Files.isRegularFile(csv)) {
                problems.add(nb + ": no " + csv);
                continue;
            }
            RunRecord r;
            try {
                r = RunRecord.besideResults(csv).orElse(null);
            } catch (IOException e) {
                problems.add(nb + ": " + e.getMessage());
                continue;
            }
            if (r == null) problems.add(nb + ": no run record beside " + csv + ", so the run that made it is unknown");
            else if (!r.mode().equals("full")) {
                problems.add(nb + ": a " + r.mode() + " run; the reference keeps full runs only (./genrelab report --full --only "
                        + nb + ")");
            }
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException("nothing copied:\n  " + String.join("\n  ", problems));
        for (String nb : notebooks) {
            Path csv = results.resolve(nb + ".csv");
            ResultsCsv.read(csv); // a results file that does not read is not copied
            copyAtomically(csv, target.resolve("results").resolve(nb + ".csv"));
            copyAtomically(RunRecord.fileFor(csv), RunRecord.fileFor(target.resolve("results").resolve(nb + ".csv")));
            Path predictions = source.resolve("predictions").resolve(nb + ".csv");
            Path kept = target.resolve("predictions").resolve(nb + ".csv");
            if (Files.isRegularFile(predictions)) {
                List<PredictionsCsv.Run> labels = PredictionsCsv.read(predictions).stream()
                        .map(p -> new PredictionsCsv.Run(p.model(), p.run(), p.truth(), p.predicted())).toList();
                PredictionsCsv.write(kept, labels);
            } else {
                Files.deleteIfExists(kept);
            }
        }
        return notebooks;
    }

    private static void copyAtomically(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
