package org.genrelab.report;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The version of the code a run used: the commit checked out in the repository (JGit, so no {@code git}
 * command is needed) and whether tracked files differ from it. Outside a repository, or in one without a
 * commit, the commit is {@code "unknown"}.
 *
 * @param commit   the full hash of {@code HEAD}, or {@code "unknown"}
 * @param modified whether tracked files differ from {@code HEAD} (false when the commit is unknown)
 */
public record GitRevision(String commit, boolean modified) {

    /** What a run records when the code's version cannot be read. */
    public static final String UNKNOWN = "unknown";

    /** The revision of the repository holding {@code dir} (the nearest {@code .git} at or above it). */
    public static GitRevision of(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) return new GitRevision(UNKNOWN, false);
        try (Repository repo = builder.setMustExist(true).build(); Git git = new Git(repo)) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) return new GitRevision(UNKNOWN, false);
            return new GitRevision(head.name(), git.status().call().hasUncommittedChanges());
        } catch (IOException | GitAPIException | RuntimeException e) {
            return new GitRevision(UNKNOWN, false);
        }
    }

    /** e.g. {@code 57edfbf… (with uncommitted changes)}, or {@code unknown}. */
    @Override
    public String toString() {
        return commit + (modified ? " (with uncommitted changes)" : "");
    }
}
