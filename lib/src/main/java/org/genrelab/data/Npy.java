package org.genrelab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0; C order;
 * little- or big-endian float32/float64 and signed/unsigned integers and booleans).
 *
 * <p>Written here rather than taken from a library: DJL can decode {@code .npy}, but only into an
 * engine-backed {@code NDArray} (native PyTorch start-up for every label file), and nothing small
 * and maintained on Maven Central reads them into plain Java arrays. The format is specified at
 * numpy.org/doc/stable/reference/generated/numpy.lib.format.html.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Reads a whole {@code .npy} file; errors name the file and what is wrong with it. */
    public static NpyArray read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such .npy file");
        }
        try {
            return parse(bytes);
        } catch (NpyFormatException e) {
            throw new NpyFormatException(file + ": " + e.getMessage());
        }
    }

    /** Reads a {@code .npy} image from a stream (read to its end). */
    public static NpyArray read(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    /** Parses the bytes of a {@code .npy} file. */
    public static NpyArray parse(byte[] bytes) throws NpyFormatException {
        if (bytes.length < 10) throw new NpyFormatException("not a .npy file: only " + bytes.length + " bytes");
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) throw new NpyFormatException("not a .npy file: bad magic string");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw new NpyFormatException("truncated header");
            headerLen = bb.getInt(8);
            headerStart = 12;
        } else {
            throw new NpyFormatException("unsupported .npy format version " + major);
        }
        if (headerLen < 0 || headerStart + headerLen > bytes.length) {
            throw new NpyFormatException("truncated header (" + headerLen + " header bytes announced, "
                    + (bytes.length - headerStart) + " present)");
        }
        String header = new String(bytes, headerStart, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr");
        boolean fortran = group(FORTRAN, header, "fortran_order").equals("True");
        int[] shape = parseShape(group(SHAPE, header, "shape"));
        long n = 1;
        for (int d : shape) n *= d;
        if (n > Integer.MAX_VALUE) throw new NpyFormatException("array too large: " + n + " values");

        char order = descr.charAt(0);
        String kind = descr.substring(1);
        ByteOrder bo = order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int width = switch (kind) {
            case "f4", "i4", "u4" -> 4;
            case "f8", "i8", "u8" -> 8;
            case "i2", "u2" -> 2;
            case "i1", "u1", "b1" -> 1;
            default -> throw new NpyFormatException("unsupported dtype '" + descr + "'");
        };
        int dataStart = headerStart + headerLen;
        long need = n * width;
        if (bytes.length - dataStart < need) {
            throw new NpyFormatException("truncated data: shape " + Arrays.toString(shape) + " of "
                    + descr + " needs " + need + " bytes, file has " + (bytes.length - dataStart));
        }
        ByteBuffer d = ByteBuffer.wrap(bytes, dataStart, (int) need).slice().order(bo);
        double[] out = new double[(int) n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (kind) {
                case "f4" -> d.getFloat();
                case "f8" -> d.getDouble();
                case "i8" -> d.getLong();
                case "u8" -> unsigned(d.getLong());
                case "i4" -> d.getInt();
                case "u4" -> d.getInt() & 0xffffffffL;
                case "i2" -> d.getShort();
                case "u2" -> d.getShort() & 0xffff;
                case "i1" -> d.get();
                default -> d.get() & 0xff; // u1, b1
            };
        }
        if (fortran && shape.length > 1) out = fortranToC(out, shape);
        return new NpyArray(descr, shape, out);
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    private static String group(Pattern p, String header, String key) throws NpyFormatException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new NpyFormatException("header has no '" + key + "': " + header.trim());
        return m.group(1);
    }

    private static int[] parseShape(String s) throws NpyFormatException {
        List<Integer> dims = new ArrayList<>();
        for (String part : s.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) continue;
            try {
                dims.add(Integer.parseInt(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
            } catch (NumberFormatException e) {
                throw new NpyFormatException("bad shape (" + s + ")");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] fortranToC(double[] f, int[] shape) {
        int nd = shape.length;
        double[] c = new double[f.length];
        int[] idx = new int[nd];
        for (int i = 0; i < f.length; i++) {
            // i enumerates C order; compute the Fortran offset of the same index
            int off = 0;
            int stride = 1;
            for (int k = 0; k < nd; k++) {
                off += idx[k] * stride;
                stride *= shape[k];
            }
            c[i] = f[off];
            for (int k = nd - 1; k >= 0; k--) {
                if (++idx[k] < shape[k]) break;
                idx[k] = 0;
            }
        }
        return c;
    }

    /** Writes {@code array} as a version 1.0 {@code .npy} file in its dtype ({@code <f4}, {@code <f8}, {@code <i8} or {@code <i4}). */
    public static void write(Path file, NpyArray array) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(toBytes(array));
        }
    }

    /** The bytes of a version 1.0 {@code .npy} image of {@code array}. */
    public static byte[] toBytes(NpyArray array) {
        String descr = array.dtype();
        int width = switch (descr) {
            case "<f4", "<i4" -> 4;
            case "<f8", "<i8" -> 8;
            default -> throw new IllegalArgumentException("can only write <f4, <f8, <i4, <i8, not " + descr);
        };
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < array.shape().length; i++) {
            sh.append(array.shape()[i]);
            if (array.shape().length == 1 || i < array.shape().length - 1) sh.append(", ");
        }
        sh.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + sh.toString().replace(", )", ",)") + ", }";
        int total = MAGIC.length + 4 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer bb = ByteBuffer.allocate(10 + header.length() + array.size() * width).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        bb.put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (double v : array.data()) {
            switch (descr) {
                case "<f4" -> bb.putFloat((float) v);
                case "<f8" -> bb.putDouble(v);
                case "<i4" -> bb.putInt((int) v);
                default -> bb.putLong((long) v);
            }
        }
        return bb.array();
    }

    /** A malformed or truncated {@code .npy} file. */
    public static final class NpyFormatException extends IOException {
        public NpyFormatException(String message) {
            super(message);
        }
    }
}
