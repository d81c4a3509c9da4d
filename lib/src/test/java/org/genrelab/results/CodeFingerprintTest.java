package org.genrelab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeFingerprintTest {

    @Test
    void sameBytesSameDigestAnyChangeAnother(@TempDir Path dir) throws IOException {
        Path a = classes(dir.resolve("a"), new byte[] {1, 2, 3});
        Path b = classes(dir.resolve("b"), new byte[] {1, 2, 3});
        assertEquals(CodeFingerprint.of(a), CodeFingerprint.of(b));
        Files.write(b.resolve("org/x/B.class"), new byte[] {1, 2, 4});
        assertNotEquals(CodeFingerprint.of(a), CodeFingerprint.of(b));
        Path c = classes(dir.resolve("c"), new byte[] {1, 2, 3});
        Files.write(c.resolve("org/x/C.class"), new byte[] {9}); // a class more
        assertNotEquals(CodeFingerprint.of(a), CodeFingerprint.of(c));
    }

    @Test
    void jarOfTheSameClassesHasTheFolderDigestWhateverItsDates(@TempDir Path dir) throws IOException {
        Path folder = classes(dir.resolve("classes"), new byte[] {5, 6});
        for (long time : new long[] {0L, 1_700_000_000_000L}) {
            Path jar = dir.resolve("lib-" + time + ".jar");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
                put(z, "META-INF/MANIFEST.MF", ("Created: " + time).getBytes(), time);
                put(z, "META-INF/maven/org.genrelab/lib/pom.properties", ("#" + time).getBytes(), time);
                put(z, "org/x/A.class", new byte[] {7}, time);
                put(z, "org/x/B.class", new byte[] {5, 6}, time);
            }
            assertEquals(CodeFingerprint.of(folder), CodeFingerprint.of(jar));
        }
    }

    @Test
    void theLibraryHasADigest() {
        String f = CodeFingerprint.ofLibrary();
        assertTrue(f.matches("[0-9a-f]{12}"), f);
        assertEquals(f, CodeFingerprint.ofLibrary());
    }

    private static Path classes(Path root, byte[] b) throws IOException {
        Files.createDirectories(root.resolve("org/x"));
        Files.write(root.resolve("org/x/A.class"), new byte[] {7});
        Files.write(root.resolve("org/x/B.class"), b);
        return root;
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes, long time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(FileTime.fromMillis(time));
        z.putNextEntry(e);
        OutputStream out = z;
        out.write(bytes);
        z.closeEntry();
    }
}
