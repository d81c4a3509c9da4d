package org.genrelab.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The version of the code a run used: the commit checked out in the repository (JGit, so no {@code git}
 * command is needed), whether tracked files differ from it, and a digest of those differences, so that two
 * runs of one commit with different uncommitted edits do not pass for the same code (the run journals are
 * keyed by {@link #toString()}). Outside a repository, or in one without a commit, the commit is
 * {@code "unknown"}.
 *
 * @param commit   the full hash of {@code HEAD}, or {@code "unknown"}
 * @param modified whether tracked files differ from {@code HEAD} (false when the commit is unknown)
 * @param changes  SHA-256 (first 12 hex digits) of the paths and working-tree contents of the tracked files
 *                 that differ from {@code HEAD}; empty when none differ
 */
public record GitRevision(String commit, boolean modified, String changes) {

    /** A revision without a digest of its changes. */
    public GitRevision(String commit, boolean modified) {
        this(commit, modified, "");
    }

    /** What a run records when the code's version cannot be read. */
    public static final String UNKNOWN = "unknown";

    /** The revision of the repository holding {@code dir} (the nearest {@code .git} at or above it). */
    public static GitRevision of(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) return new GitRevision(UNKNOWN, false);
        try (Repository repo = builder.setMustExist(true).build(); Git git = new Git(repo)) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) return new GitRevision(UNKNOWN, false);
            Status status = git.status().call();
            if (!status.hasUncommittedChanges()) return new GitRevision(head.name(), false);
            return new GitRevision(head.name(), true, digest(repo.getWorkTree().toPath(), status));
        } catch (IOException | GitAPIException | RuntimeException e) {
            return new GitRevision(UNKNOWN, false);
        }
    }

    /** Digest of the changed tracked files: their paths, and the contents of those still in the working tree. */
    private static String digest(Path workTree, Status status) throws IOException {
        TreeSet<String> paths = new TreeSet<>();
        paths.addAll(status.getModified());
        paths.addAll(status.getChanged());
        paths.addAll(status.getAdded());
        paths.addAll(status.getRemoved());
        paths.addAll(status.getMissing());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : paths) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                Path f = workTree.resolve(p);
                if (Files.isRegularFile(f)) sha.update(Files.readAllBytes(f));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /** e.g. {@code 57edfbf… (with uncommitted changes 3fa9c01e22b4)}, or {@code unknown}. */
    @Override
    public String toString() {
        return commit + (modified ? " (with uncommitted changes" + (changes.isEmpty() ? "" : " " + changes) + ")" : "");
    }
}
