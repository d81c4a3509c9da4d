package org.genrelab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the read-only shared data ({@code ../shared} beside the repository) for tests. Where a part of it is
 * missing (a clone elsewhere), the test that asks for it is skipped with a reason that names the part and how to get
 * it ({@link #MISSING}); {@link SkippedForDataSummary} lists the skipped tests by that reason at the end of the run.
 */
public final class SharedData {

    /** The start of every reason for a skip: {@link SkippedForDataSummary} groups the skips by the reasons that start so. */
    public static final String MISSING = "needs ";

    private SharedData() {
    }

    /** The shared folder: system property {@code genrelab.shared}, else {@code ../shared} from the repository root. */
    public static Path root() {
        String p = System.getProperty("genrelab.shared");
        Path root = (p != null ? Paths.get(p) : Paths.get("..", "shared")).toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(root), () -> MISSING + "the shared folder " + root
                + " (../shared beside the repository): the study's embeddings, real FMA clips and librosa 0.5.0's"
                + " reference outputs; data/README.md says how to get each part");
        return root;
    }

    /** {@code ../shared/data}: the study's VGGish embeddings, FMA-small's labels and split, real FMA clips. */
    public static Path data() {
        Path data = root().resolve("data");
        Assumptions.assumeTrue(Files.isDirectory(data.resolve("study-embeddings")), () -> MISSING + data
                + " with study-embeddings/: the study's VGGish embeddings and FMA-small's labels"
                + " (data/README.md: from the repository SizovV/Music_Genres, commit 88811fb9, folder data/)");
        return data;
    }

    public static Path studyEmbeddings() {
        return data().resolve("study-embeddings");
    }

    /** {@code ../shared/oracle}: librosa 0.5.0's reference outputs, the parity tests' truth. */
    public static Path oracle() {
        Path oracle = root().resolve("oracle");
        Assumptions.assumeTrue(Files.isDirectory(oracle.resolve("features")), () -> MISSING + oracle
                + ": librosa 0.5.0's reference outputs for the parity tests (made by running FMA's features.py on"
                + " librosa 0.5.0; data/README.md says where they come from)");
        return oracle;
    }

    /** The repository root. */
    public static Path repo() {
        String p = System.getProperty("genrelab.root");
        return (p != null ? Paths.get(p) : Paths.get(".")).toAbsolutePath().normalize();
    }
}
