package org.genrelab.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A digest of the library's compiled code as it runs: SHA-256 (first 12 hex digits) of every file's path and bytes
 * in its classes folder or jar, in path order (a jar's manifest and Maven metadata left out, since they hold
 * build dates). javac writes the same bytes for the same sources, so a rebuild keeps the digest and any change
 * to the code moves it. The run journals key on it beside {@link GitRevision}, which alone says {@code unknown}
 * outside a repository and does not see untracked source files.
 */
public final class CodeFingerprint {

    private static volatile String library;

    private CodeFingerprint() {
    }

    /** The digest of the classes folder or jar this class was loaded from (computed once per JVM). */
    public static String ofLibrary() {
        String f = library;
        if (f == null) {
            try {
                f = of(Path.of(CodeFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                f = "unreadable (" + e.getClass().getSimpleName() + ")";
            }
            library = f;
        }
        return f;
    }

    /** The digest of a classes folder or a jar. */
    public static String of(Path classesOrJar) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try {
            if (Files.isDirectory(classesOrJar)) {
                try (Stream<Path> walk = Files.walk(classesOrJar)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        files.put(classesOrJar.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            } else {
                try (ZipFile zip = new ZipFile(classesOrJar.toFile())) {
                    for (ZipEntry e : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                        if (e.getName().equals("META-INF/MANIFEST.MF") || e.getName().startsWith("META-INF/maven/")) continue;
                        try (InputStream in = zip.getInputStream(e)) {
                            files.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the code at " + classesOrJar, e);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
