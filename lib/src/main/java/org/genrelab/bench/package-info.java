/**
 * Speed figures, not pass/fail: the feature extraction, VGGish, the Part 2 models and the Part 1 models beside
 * scikit-learn, as {@code ./genrelab bench} prints them. Kept apart so that no model or feature package carries
 * timing code.
 */
package org.genrelab.bench;
