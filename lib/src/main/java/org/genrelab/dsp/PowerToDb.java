package org.genrelab.dsp;

/**
 * librosa 0.5.0 {@code power_to_db(S, ref=1.0, amin=1e-10, top_db=80.0)}:
 * {@code 10·log10(max(amin, |S|)) − 10·log10(max(amin, |ref|))}, then floored at
 * {@code max − top_db} where the max is over the <em>whole</em> array (all rows and frames), so it
 * cannot be computed chunk by chunk. Hand-written: a two-line formula.
 */
public final class PowerToDb {

    /** librosa's default reference power. */
    public static final double REF = 1.0;
    /** librosa's default floor on S before the log. */
    public static final double AMIN = 1e-10;
    /** librosa's default dynamic range below the maximum. */
    public static final double TOP_DB = 80.0;

    private PowerToDb() {
    }

    /** {@code power_to_db(S)} with ref 1.0, amin 1e-10, top_db 80. Returns a new array. */
    public static double[][] powerToDb(double[][] s) {
        return powerToDb(s, REF, AMIN, TOP_DB);
    }

    /**
     * {@code power_to_db(S, ref, amin, top_db)}. Returns a new array.
     *
     * @param topDb non-negative; {@code Double.POSITIVE_INFINITY} means no floor ({@code top_db=None})
     */
    public static double[][] powerToDb(double[][] s, double ref, double amin, double topDb) {
        if (!(amin > 0)) throw new IllegalArgumentException("amin must be strictly positive, got " + amin);
        if (!(topDb >= 0)) throw new IllegalArgumentException("topDb must be non-negative, got " + topDb);
        double refDb = 10.0 * Math.log10(Math.max(amin, Math.abs(ref)));
        double[][] out = new double[s.length][];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            double[] row = s[i];
            double[] o = new double[row.length];
            if (VectorApi.AVAILABLE) {
                max = Math.max(max, VectorPowerToDb.row(row, o, amin, refDb));
            } else {
                for (int t = 0; t < row.length; t++) {
                    double v = 10.0 * Math.log10(Math.max(amin, Math.abs(row[t]))) - refDb;
                    o[t] = v;
                    if (v > max) max = v;
                }
            }
            out[i] = o;
        }
        double floor = max - topDb;
        if (floor > Double.NEGATIVE_INFINITY) {
            for (double[] o : out) {
                for (int t = 0; t < o.length; t++) if (o[t] < floor) o[t] = floor;
            }
        }
        return out;
    }
}
