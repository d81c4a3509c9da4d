package org.genrelab.dsp;

/**
 * Whether this JVM has the JDK's Vector API ({@code --add-modules jdk.incubator.vector}, which GenreLab's launcher,
 * tests and Jupyter kernel pass). Code using it lives in classes of its own ({@code Vector…}), loaded only when
 * this is true; each has a plain-Java path beside it with the same results.
 */
public final class VectorApi {

    /** True when the {@code jdk.incubator.vector} module is in the boot layer. */
    public static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorApi() {
    }
}
