package org.genrelab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates the read-only shared data ({@code ../shared} beside the repository) for tests. */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder: system property {@code genrelab.shared}, else {@code ../shared} from the repository root. */
    public static Path root() {
        String p = System.getProperty("genrelab.shared");
        Path root = p != null ? Paths.get(p) : Paths.get("..", "shared");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared data folder not found at " + root
                    + " (tests read ../shared beside the repository)");
        }
        return root;
    }

    public static Path data() {
        return root().resolve("data");
    }

    public static Path studyEmbeddings() {
        return data().resolve("study-embeddings");
    }

    public static Path oracle() {
        return root().resolve("oracle");
    }

    /** The repository root. */
    public static Path repo() {
        String p = System.getProperty("genrelab.root");
        return (p != null ? Paths.get(p) : Paths.get(".")).toAbsolutePath().normalize();
    }
}
