/**
 * Pure array functions of digital signal processing, as librosa 0.5.0 computes them: windows,
 * the STFT, filterbanks, the DCT and {@code power_to_db}. Knows nothing of files or datasets.
 */
package org.genrelab.dsp;
