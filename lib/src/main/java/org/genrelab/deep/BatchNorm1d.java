package org.genrelab.deep;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Batch normalisation over the channels of (N, C) or (N, C, L) input, as {@code torch.nn.BatchNorm1d(C)}
 * with its defaults: in training each channel is normalised with the batch's mean and biased variance
 * (over N, and L when present), and the running estimates move by momentum 0.1 towards the batch mean and
 * the unbiased batch variance; in evaluation the running estimates are used. Then γ·x̂ + β (γ = 1, β = 0
 * at the start), ε = 1e-5 (Ioffe &amp; Szegedy 2015).
 *
 * <p>Written from NDArray operations because DJL 0.36's {@code BatchNorm} on the PyTorch 2.7.1 CPU engine
 * seemed to return NaN now and then (2 forward passes in 8 of a convolution followed by batch norm, on random
 * input), and training the study's CNN with it diverged. A later measurement put the NaN in the convolution
 * ({@link UnfoldedConv1d}): after that block, DJL's {@code BatchNorm} gave none in 18 trainers of 16 passes.
 * This one stays: it is tested against the formulas, and the CNN's results were made with it.
 */
public final class BatchNorm1d extends AbstractBlock {

    private static final float MOMENTUM = 0.1f;
    private static final float EPS = 1e-5f;

    private final int channels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    /** @param channels C, the size of axis 1 */
    public BatchNorm1d(int channels) {
        super((byte) 1);
        if (channels < 1) throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        this.channels = channels;
        Shape c = new Shape(channels);
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).optShape(c).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).optShape(c).build());
        runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                .optShape(c).optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR)
                .optShape(c).optRequiresGrad(false).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        int dims = shape.dimension();
        if ((dims != 2 && dims != 3) || shape.get(1) != channels) {
            throw new IllegalArgumentException("BatchNorm1d(" + channels + ") takes (N, " + channels + ") or (N, "
                    + channels + ", L) input, got " + shape);
        }
        Shape perChannel = dims == 3 ? new Shape(1, channels, 1) : new Shape(1, channels);
        Device device = x.getDevice();
        // arrays made from the parameters belong to the input's manager, freed with the batch (not kept for the
        // life of the model with the parameters)
        NDManager batch = x.getManager();
        NDArray g = parameterStore.getValue(gamma, device, training).reshape(perChannel);
        g.attach(batch);
        NDArray b = parameterStore.getValue(beta, device, training).reshape(perChannel);
        b.attach(batch);
        NDArray rm = parameterStore.getValue(runningMean, device, false);
        NDArray rv = parameterStore.getValue(runningVar, device, false);
        NDArray normalised;
        if (training) {
            long count = shape.get(0) * (dims == 3 ? shape.get(2) : 1);
            if (count < 2) throw new IllegalArgumentException("BatchNorm1d needs more than one value per channel in training, got " + shape);
            NDArray mean = perChannelMean(x);
            NDArray centred = x.sub(mean.reshape(perChannel));
            NDArray var = perChannelMean(centred.square()); // biased, as the normalisation uses
            normalised = centred.div(var.add(EPS).sqrt().reshape(perChannel));
            rm.muli(1 - MOMENTUM).addi(mean.stopGradient().mul(MOMENTUM));
            rv.muli(1 - MOMENTUM).addi(var.stopGradient().mul(MOMENTUM * count / (double) (count - 1))); // unbiased
        } else {
            NDArray mean = rm.reshape(perChannel);
            mean.attach(batch);
            NDArray sd = rv.add(EPS);
            sd.attach(batch);
            normalised = x.sub(mean).div(sd.sqrt().reshape(perChannel));
        }
        return new NDList(normalised.mul(g).add(b));
    }

    /** Mean over every axis but 1 (one axis at a time: the PyTorch engine reduces over one axis per call). */
    private static NDArray perChannelMean(NDArray a) {
        return a.getShape().dimension() == 3 ? a.mean(new int[] {2}).mean(new int[] {0}) : a.mean(new int[] {0});
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
