package org.genrelab.deep;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Picks where DJL trains: the first GPU when the PyTorch engine sees one, the CPU otherwise, and
 * reports the thread counts (those requested through {@code ai.djl.pytorch.num_threads}, and those
 * PyTorch says are in force) so notebooks and result rows can print them.
 */
public final class DeviceChoice {

    /** The engine every model here runs on. */
    public static final String ENGINE = "PyTorch";

    private DeviceChoice() {
    }

    /** GPU 0 when the engine reports at least one GPU, else CPU. */
    public static Device device() {
        return choose(engine().getGpuCount());
    }

    /** The choice for a given GPU count (the rule itself, testable without a GPU). */
    public static Device choose(int gpuCount) {
        return gpuCount > 0 ? Device.gpu(0) : Device.cpu();
    }

    /** The PyTorch engine, loaded offline (fails clearly if its natives are missing). */
    public static Engine engine() {
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        Engine e = Engine.getEngine(ENGINE);
        if (e == null) throw new IllegalStateException("DJL engine " + ENGINE + " is not on the classpath");
        return e;
    }

    /** PyTorch intra-op threads requested through {@code ai.djl.pytorch.num_threads} (or -1 when unset). */
    public static int torchThreads() {
        String v = System.getProperty("ai.djl.pytorch.num_threads");
        return v == null ? -1 : Integer.parseInt(v.trim());
    }

    /**
     * Sets PyTorch's intra-op threads for work started from the calling thread (OpenMP keeps the
     * count per thread): the search runs several trials side by side, each on fewer threads.
     */
    public static void setTorchThreadsOfThisThread(int n) {
        engine();
        JniUtils.setNumThreads(Math.max(1, n));
    }

    /** PyTorch intra-op threads in force for the calling thread (its OpenMP threads), as PyTorch reports them. */
    public static int torchThreadsOfThisThread() {
        engine();
        return JniUtils.getNumThreads();
    }

    /**
     * e.g. {@code "cpu (torch threads 2, omp 2)"} — the device column of result rows: the threads requested
     * ({@link #torchThreads()}), then the OpenMP threads PyTorch uses on the calling thread
     * ({@link #torchThreadsOfThisThread()}).
     */
    public static String describe() {
        Device d = device();
        return (d.isGpu() ? "gpu" + d.getDeviceId() : "cpu") + " (torch threads " + torchThreads() + ", omp "
                + torchThreadsOfThisThread() + ")";
    }
}
