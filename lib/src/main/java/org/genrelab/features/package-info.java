/**
 * FMA's audio features ({@code features.py}) as librosa 0.5.0 computes them, their seven
 * statistics, and the FMA {@code features.csv} layout.
 */
package org.genrelab.features;
