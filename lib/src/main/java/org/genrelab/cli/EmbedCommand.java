package org.genrelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelab.data.AudioCollection;
import org.genrelab.vggish.EmbeddingExtractor;
import org.genrelab.vggish.VggishPostprocessor;
import org.genrelab.vggish.VggishWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code genrelab embed}: VGGish embeddings of a folder or a tracks.csv, in the study's format. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = {"Computes VGGish embeddings (one 128-d row per 0.96 s, raw network output as the study used)",
                "for every audio file of a folder (files keyed by file name) or every track of an FMA tracks.csv subset",
                "(keyed by track id), into OUTPUT/embeddings/<id>.npy plus train.npy, val.npy, test.npy — what the",
                "Part 2 notebooks read. Resumable; failures are listed with their reason in OUTPUT/failures.csv, inputs",
                "that cannot be read (broken links, folders or other non-files named like audio, files you may not read)",
                "too. The summary counts what was found, computed now, reused from OUTPUT and failed.",
                "Weights: --weights FILE, else data/vggish/vggish-10086976.pth (data/fetch-vggish.sh), else a",
                "clearly labelled stand-in with fixed random weights."})
public final class EmbedCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "INPUT", description = "An audio folder or an FMA tracks.csv.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUTPUT", description = "The output folder.")
    Path output;

    @Option(names = "--weights", description = "torchvggish checkpoint (vggish-10086976.pth).")
    Path weights;

    @Option(names = "--pca", description = "PCA parameters (vggish_pca_params-970ea276.pth): apply PCA + 8-bit quantisation.")
    Path pca;

    @Option(names = "--subset", defaultValue = "small", description = "FMA subset of a tracks.csv (default: ${DEFAULT-VALUE}).")
    String subset;

    @Option(names = "--threads", description = "Threads decoding and framing audio (default: all cores).")
    Integer threads;

    @Mixin
    SparkOption spark = new SparkOption();

    @Override
    public Integer call() throws Exception {
        SparkEngine engine = null;
        if (spark.enabled()) {
            try {
                engine = spark.engine(input, output);
            } catch (IOException | IllegalStateException e) {
                System.err.println("genrelab embed: " + e.getMessage());
                return 2;
            }
        }
        List<AudioCollection.Item> items;
        VggishWeights w;
        VggishPostprocessor post;
        try {
            items = AudioCollection.of(input, subset);
            w = VggishWeights.find(weights, main.root());
            post = pca == null ? null : VggishPostprocessor.read(pca);
        } catch (IOException e) {
            System.err.println("genrelab embed: " + e.getMessage());
            return 2;
        }
        if (!w.pretrained()) {
            System.out.println("No pretrained VGGish weights found (give --weights, or run data/fetch-vggish.sh on a machine with"
                    + " internet). Continuing with the " + w.description() + ": the embeddings let the notebooks run but are"
                    + " not AudioSet features.");
        } else {
            System.out.println("weights: " + w.description() + " (sha256 " + w.sha256() + ")");
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        EmbeddingExtractor x = EmbeddingExtractor.fullSize(w, post, n);
        EmbeddingExtractor.Result r;
        try (Progress p = new Progress("embed", items.size())) {
            if (engine != null) {
                EmbeddingExtractor.Plan plan = x.plan(items, output);
                r = x.finish(plan, engine.embeddings(spark.master(), EmbeddingExtractor.Recipe.fullSize(w, pca), plan, p));
            } else {
                r = x.run(items, output, p);
            }
        } catch (IllegalStateException | IllegalArgumentException | IOException e) {
            System.err.println("genrelab embed: " + e.getMessage());
            return 2;
        }
        RunSummary.print(System.out, RunSummary.found(r.found(), input, subset), r.written(), r.reused(),
                r.failed().stream().map(f -> new RunSummary.Failed(f.id(), f.reason())).toList(), r.failedFromCache(),
                r.unreadable(), output.resolve("failures.csv"));
        System.out.printf(Locale.ROOT, "%d embeddings in %s (%d written now) in %.1f s.%n", r.written() + r.reused(),
                output.resolve("embeddings"), r.written(), r.seconds());
        return 0;
    }
}
