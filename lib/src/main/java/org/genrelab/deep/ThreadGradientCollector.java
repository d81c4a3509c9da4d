package org.genrelab.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

/**
 * A gradient collector for the PyTorch engine that several threads can hold at once, so that two
 * models train side by side (the ASHA search on two cores).
 *
 * <p>DJL's {@code PtGradientCollector} refuses a second collector in the process (a static flag)
 * although PyTorch's grad mode is per thread, and its {@code zeroGradients} walks every array of the
 * process. This one switches grad mode on for the calling thread only and runs the backward pass;
 * gradients need no zeroing here because DJL's PyTorch optimizers (SGD, Adam) zero each parameter's
 * gradient after updating it.
 */
public final class ThreadGradientCollector implements GradientCollector {

    private final boolean previousGradMode;

    /** Switches grad mode on for this thread until {@link #close()}. */
    public ThreadGradientCollector() {
        previousGradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    @Override
    public void backward(NDArray target) {
        try (NDArray ones = target.onesLike()) {
            JniUtils.backward((PtNDArray) target, (PtNDArray) ones, false, false);
        }
    }

    @Override
    public void zeroGradients() {
        throw new UnsupportedOperationException("the optimizer zeroes gradients after each step");
    }

    @Override
    public void close() {
        if (!previousGradMode) JniUtils.setGradMode(false);
    }

    /**
     * Switches grad mode off for the calling thread until the returned scope closes. Evaluation runs
     * in it so that its numbers do not depend on the thread's default grad mode: PyTorch's CPU LSTM
     * takes a different kernel (oneDNN) when gradients are off, and a new thread starts with them on.
     */
    public static NoGrad noGrad() {
        return new NoGrad(JniUtils.isGradMode());
    }

    /** A grad-mode-off scope of the calling thread. */
    public static final class NoGrad implements AutoCloseable {
        private final boolean previous;

        private NoGrad(boolean previous) {
            this.previous = previous;
            JniUtils.setGradMode(false);
        }

        @Override
        public void close() {
            JniUtils.setGradMode(previous);
        }
    }
}
