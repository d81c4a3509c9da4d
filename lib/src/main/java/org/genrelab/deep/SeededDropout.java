package org.genrelab.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;

/**
 * Inverted dropout whose masks come from the block's own seeded generator: in training each element
 * is kept with probability {@code 1 - rate} and scaled by {@code 1 / (1 - rate)} (Srivastava et al.
 * 2014, as {@code torch.nn.Dropout}); in evaluation it is the identity.
 *
 * <p>Why not DJL's {@code Dropout}: it draws from PyTorch's one process-wide generator, so two models
 * trained at the same time on two threads (the ASHA search) would take each other's random numbers
 * and neither run would be repeatable. With the mask drawn here, a run depends only on its seed.
 */
public final class SeededDropout extends AbstractBlock {

    private final float rate;
    private final SplittableRandom random;

    /**
     * @param rate probability of zeroing an element, in [0, 1)
     * @param seed seed of this block's mask generator
     */
    public SeededDropout(double rate, long seed) {
        super((byte) 1);
        if (!(rate >= 0 && rate < 1)) throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        this.rate = (float) rate;
        this.random = new SplittableRandom(seed);
    }

    /** The probability of zeroing an element. */
    public float rate() {
        return rate;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (!training || rate == 0f) return new NDList(x);
        int n = Math.toIntExact(x.size());
        float[] mask = new float[n];
        float keep = 1f / (1f - rate);
        for (int i = 0; i < n; i++) mask[i] = random.nextFloat() >= rate ? keep : 0f;
        NDArray m = x.getManager().create(mask, x.getShape());
        return new NDList(x.mul(m));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
