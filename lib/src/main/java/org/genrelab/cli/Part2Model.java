package org.genrelab.cli;

import java.util.List;

/**
 * One model of {@code genrelab part2}, by its command-line name; {@code trial} is the search configuration that
 * {@code lstm-trial=ID} retrains, else -1.
 */
record Part2Model(String name, int trial) {

    /** The names {@code part2} takes, in the order its help lists them ({@code lstm-trial=ID} stands for any ID). */
    static final List<String> NAMES = List.of("logistic", "lstm-published", "lstm-published-meanmax", "lstm-search",
            "lstm-trial=ID", "fcnn-2-1-h30", "fcnn-variants", "fcnn-sweep", "cnn", "ensemble", "intervals");

    private static final String TRIAL = "lstm-trial=";

    /** The model so named; {@link IllegalArgumentException} naming the models there are if none is. */
    static Part2Model parse(String s) {
        if (s.startsWith(TRIAL)) {
            String id = s.substring(TRIAL.length());
            try {
                int trial = Integer.parseInt(id);
                if (trial >= 0) return new Part2Model("lstm-trial", trial);
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException("'" + s + "': lstm-trial=ID needs a search configuration's number (0, 1, …), not '" + id + "'");
        }
        if (!NAMES.contains(s) || s.equals("lstm-trial=ID")) {
            throw new IllegalArgumentException("unknown model '" + s + "' (have " + String.join(", ", NAMES) + ")");
        }
        return new Part2Model(s, -1);
    }

    /** Whether the model is made of the models run before it ({@code ensemble}, {@code intervals}) rather than trained. */
    boolean combinesEarlierModels() {
        return name.equals("ensemble") || name.equals("intervals");
    }

    @Override
    public String toString() {
        return trial >= 0 ? TRIAL + trial : name;
    }
}
