package org.genrelab.classic;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/** libsvm 3.31's Java port (a test dependency), the reference for {@link SvcTrainer} and {@link SmoSolver}. */
final class LibsvmReference {

    private LibsvmReference() {
    }

    /** C-SVC parameters as scikit-learn's SVC passes them: RBF, a kernel width, C, tol; shrinking on or off. */
    static svm_parameter parameters(double gamma, double c, double eps, boolean shrinking) {
        svm_parameter p = new svm_parameter();
        p.svm_type = svm_parameter.C_SVC;
        p.kernel_type = svm_parameter.RBF;
        p.gamma = gamma;
        p.C = c;
        p.eps = eps;
        p.cache_size = 200;
        p.shrinking = shrinking ? 1 : 0;
        p.probability = 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        return p;
    }

    /** A dense row as libsvm's sparse node list (indices from 1). */
    static svm_node[] row(double[] row) {
        svm_node[] out = new svm_node[row.length];
        for (int f = 0; f < row.length; f++) out[f] = node(f + 1, row[f]);
        return out;
    }

    /** Row q of a precomputed-kernel problem: node 0 holds the serial q + 1, node t + 1 the kernel value K(q, t). */
    static svm_node[] precomputedRow(int q, float[] kernelRow, int[] rows) {
        svm_node[] out = new svm_node[rows.length + 1];
        out[0] = node(0, q + 1);
        for (int t = 0; t < rows.length; t++) out[t + 1] = node(t + 1, kernelRow[rows[t]]);
        return out;
    }

    private static svm_node node(int index, double value) {
        svm_node n = new svm_node();
        n.index = index;
        n.value = value;
        return n;
    }

    /** A model and the iteration count libsvm printed while training it. */
    record Trained(svm_model model, int iterations) {
    }

    /** svm_train, with the "#iter" libsvm prints captured (its print function is global: one call at a time). */
    static synchronized Trained train(svm_problem prob, svm_parameter param) {
        StringBuilder printed = new StringBuilder();
        svm.svm_set_print_string_function(printed::append);
        try {
            svm_model m = svm.svm_train(prob, param);
            Matcher iter = Pattern.compile("#iter = (\\d+)").matcher(printed);
            return new Trained(m, iter.find() ? Integer.parseInt(iter.group(1)) : -1);
        } finally {
            svm.svm_set_print_string_function(s -> { });
        }
    }
}
