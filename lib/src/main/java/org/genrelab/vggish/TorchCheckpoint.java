package org.genrelab.vggish;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a PyTorch state dict ({@code torch.save(model.state_dict(), path)}) into an ordered map
 * name → {@link TorchTensor}, without Python, in both of PyTorch's serialisation formats:
 * <ul>
 *   <li>the zip format of torch ≥ 1.6: {@code <prefix>/data.pkl} plus one raw storage per
 *       {@code <prefix>/data/<key>} entry;</li>
 *   <li>the older non-zip ("legacy") stream of torch ≤ 1.5, in which torchvggish's published
 *       {@code vggish-10086976.pth} is stored: pickled magic number, protocol version and
 *       sys_info, then the pickled object with persistent ids, then the pickled list of storage
 *       keys, then for each key an int64 element count and the raw little-endian elements.</li>
 * </ul>
 * Hand-written because no maintained Java reader of .pth files is on Maven Central (DJL loads
 * TorchScript modules, not pickled state dicts; readers exist only for Rust, Ruby and R). The
 * unpickler is restricted to what state dicts use — dicts/OrderedDict, tuples, lists, strings,
 * numbers, booleans, None, {@code torch._utils._rebuild_tensor_v2} / {@code _rebuild_parameter}
 * and storages through persistent ids — and refuses every other global, so reading a file never
 * runs anything it names.
 */
public final class TorchCheckpoint {

    /** torch.serialization's MAGIC_NUMBER for the legacy format. */
    private static final BigInteger LEGACY_MAGIC_BIG =
            new BigInteger("1950a86a20f9469cfc6c", 16);
    /** torch.serialization's PROTOCOL_VERSION for the legacy format. */
    private static final long LEGACY_PROTOCOL = 1001;

    private static final Set<String> ALLOWED_GLOBALS = Set.of(
            "collections OrderedDict", "torch._utils _rebuild_tensor_v2",
            "torch._utils _rebuild_parameter",
            "torch FloatStorage", "torch DoubleStorage", "torch HalfStorage",
            "torch LongStorage", "torch IntStorage", "torch ShortStorage",
            "torch CharStorage", "torch ByteStorage", "torch BoolStorage");

    private TorchCheckpoint() {
    }

    /**
     * Reads a state dict saved by {@code torch.save}.
     *
     * @param path a .pth/.pt file in the zip or the legacy format
     * @return tensors by state-dict key, in the file's order
     * @throws IOException if the file cannot be read or is not a state dict this reader knows
     */
    public static Map<String, TorchTensor> read(Path path) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(path)) {
            if (in.readNBytes(head, 0, 4) < 4) {
                throw new IOException(path + ": too short to be a PyTorch checkpoint");
            }
        }
        try {
            if (head[0] == 'P' && head[1] == 'K') {
                return readZip(path);
            }
            return readLegacy(path);
        } catch (IOException | RuntimeException e) {
            throw new IOException(path + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, TorchTensor> readZip(Path path) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry pkl = zip.stream().filter(e -> e.getName().endsWith("/data.pkl")
                    && e.getName().indexOf('/') == e.getName().length() - "/data.pkl".length())
                    .findFirst()
                    .orElseThrow(() -> new IOException("zip checkpoint without <prefix>/data.pkl"));
            String prefix = pkl.getName().substring(0, pkl.getName().length() - "data.pkl".length());
            Object root;
            try (InputStream in = zip.getInputStream(pkl)) {
                root = new Unpickler(in.readAllBytes()).load();
            }
            Map<String, byte[]> storages = new HashMap<>();
            return toStateDict(root, ref -> storages.computeIfAbsent(ref.key, k -> {
                ZipEntry e = zip.getEntry(prefix + "data/" + k);
                if (e == null) {
                    throw new IllegalStateException("missing storage entry " + prefix + "data/" + k);
                }
                try (InputStream in = zip.getInputStream(e)) {
                    return in.readAllBytes();
                } catch (IOException ex) {
                    throw new IllegalStateException("cannot read storage " + k + ": " + ex.getMessage(), ex);
                }
            }));
        }
    }

    private static Map<String, TorchTensor> readLegacy(Path path) throws IOException {
        byte[] all = Files.readAllBytes(path);
        Unpickler u = new Unpickler(all);
        Object magic = u.load();
        if (!(magic instanceof BigInteger b && b.equals(LEGACY_MAGIC_BIG))) {
            throw new IOException("neither a zip checkpoint nor a legacy one (bad magic number "
                    + magic + ")");
        }
        Object protocol = u.load();
        if (!(protocol instanceof Long p && p == LEGACY_PROTOCOL)) {
            throw new IOException("unsupported legacy protocol version " + protocol);
        }
        u.load(); // sys_info: endianness and type sizes
        Object root = u.load();
        Object keys = u.load();
        if (!(keys instanceof List<?> keyList)) {
            throw new IOException("legacy checkpoint: storage key list missing");
        }
        // Storages follow in key-list order, each: int64 element count, raw elements.
        Map<String, StorageRef> refs = new HashMap<>();
        collectRefs(root, refs);
        Map<String, byte[]> storages = new HashMap<>();
        ByteBuffer buf = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        int pos = u.position();
        for (Object k : keyList) {
            String key = String.valueOf(k);
            StorageRef ref = refs.get(key);
            if (ref == null) {
                throw new IOException("legacy checkpoint: storage " + key + " has no tensor");
            }
            if (pos + 8 > all.length) {
                throw new EOFException("legacy checkpoint truncated at storage " + key);
            }
            long count = buf.getLong(pos);
            pos += 8;
            long bytes = count * elementSize(ref.type);
            if (bytes < 0 || pos + bytes > all.length) {
                throw new EOFException("legacy checkpoint truncated in storage " + key);
            }
            byte[] data = new byte[(int) bytes];
            System.arraycopy(all, pos, data, 0, data.length);
            pos += (int) bytes;
            storages.put(key, data);
        }
        return toStateDict(root, ref -> {
            byte[] d = storages.get(ref.key);
            if (d == null) {
                throw new IllegalStateException("legacy checkpoint: storage " + ref.key + " not stored");
            }
            return d;
        });
    }

    private static void collectRefs(Object o, Map<String, StorageRef> refs) {
        if (o instanceof TensorSpec t) {
            refs.put(t.storage.key, t.storage);
        } else if (o instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectRefs(v, refs));
        } else if (o instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, refs));
        }
    }

    private static Map<String, TorchTensor> toStateDict(Object root,
            Function<StorageRef, byte[]> storage) {
        if (!(root instanceof Map<?, ?> m)) {
            throw new IllegalStateException("the checkpoint holds a " + typeName(root)
                    + ", not a state dict (a dict of tensors)");
        }
        Map<String, TorchTensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TensorSpec t)) {
                throw new IllegalStateException("state dict entry " + e.getKey() + " is a "
                        + typeName(e.getValue()) + ", not a tensor");
            }
            out.put(name, t.materialise(storage.apply(t.storage)));
        }
        return out;
    }

    private static String typeName(Object o) {
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    private static int elementSize(String type) {
        return switch (type) {
            case "FloatStorage", "IntStorage" -> 4;
            case "DoubleStorage", "LongStorage" -> 8;
            case "HalfStorage", "ShortStorage" -> 2;
            case "CharStorage", "ByteStorage", "BoolStorage" -> 1;
            default -> throw new IllegalStateException("unsupported storage type " + type);
        };
    }

    /** A storage named by a persistent id: ('storage', type, key, location, size[, view]). */
    private record StorageRef(String type, String key) {
    }

    /** The arguments of _rebuild_tensor_v2, resolved to a tensor once its storage is read. */
    private record TensorSpec(StorageRef storage, long offset, long[] shape, long[] stride) {
        TorchTensor materialise(byte[] raw) {
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            int size = elementSize(storage.type);
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            float[] data = new float[Math.toIntExact(n)];
            long[] idx = new long[shape.length];
            for (int i = 0; i < data.length; i++) {
                long el = offset;
                for (int d = 0; d < shape.length; d++) {
                    el += idx[d] * stride[d];
                }
                long at = el * size;
                if (at < 0 || at + size > raw.length) {
                    throw new IllegalStateException("tensor element " + el + " lies outside storage "
                            + storage.key + " of " + raw.length / size + " elements");
                }
                data[i] = read(b, (int) at);
                for (int d = shape.length - 1; d >= 0; d--) {
                    if (++idx[d] < shape[d]) {
                        break;
                    }
                    idx[d] = 0;
                }
            }
            return new TorchTensor(storage.type, shape.clone(), data);
        }

        private float read(ByteBuffer b, int at) {
            return switch (storage.type) {
                case "FloatStorage" -> b.getFloat(at);
                case "DoubleStorage" -> (float) b.getDouble(at);
                case "HalfStorage" -> Float.float16ToFloat(b.getShort(at));
                case "LongStorage" -> b.getLong(at);
                case "IntStorage" -> b.getInt(at);
                case "ShortStorage" -> b.getShort(at);
                case "CharStorage" -> b.get(at);
                case "ByteStorage" -> b.get(at) & 0xff;
                case "BoolStorage" -> b.get(at) != 0 ? 1f : 0f;
                default -> throw new IllegalStateException("unsupported storage type " + storage.type);
            };
        }
    }

    /** A global the unpickler allows, kept by its "module name" string. */
    private record Global(String name) {
    }

    private static final Object MARK = new Object();

    /** A pickle virtual machine restricted to the opcodes and globals of state dicts. */
    private static final class Unpickler {
        private final byte[] in;
        private int pos;
        private final Map<Long, Object> memo = new HashMap<>();

        Unpickler(byte[] in) {
            this.in = in;
        }

        int position() {
            return pos;
        }

        private int u8() throws EOFException {
            if (pos >= in.length) {
                throw new EOFException("pickle ends early at byte " + pos);
            }
            return in[pos++] & 0xff;
        }

        private long le(int n) throws EOFException {
            long v = 0;
            for (int i = 0; i < n; i++) {
                v |= ((long) u8()) << (8 * i);
            }
            return v;
        }

        private byte[] bytes(long n) throws EOFException {
            if (n < 0 || pos + n > in.length) {
                throw new EOFException("pickle ends early at byte " + pos);
            }
            byte[] b = new byte[(int) n];
            System.arraycopy(in, pos, b, 0, (int) n);
            pos += (int) n;
            return b;
        }

        private String line() throws EOFException {
            int start = pos;
            while (u8() != '\n') {
                // scan
            }
            return new String(in, start, pos - start - 1, StandardCharsets.UTF_8);
        }

        Object load() throws IOException {
            Deque<Object> stack = new ArrayDeque<>();
            while (true) {
                int at = pos;
                int op = u8();
                switch (op) {
                    case 0x80 -> u8(); // PROTO
                    case 0x95 -> le(8); // FRAME
                    case '.' -> {
                        return stack.pop();
                    }
                    case '(' -> stack.push(MARK);
                    case '}' -> stack.push(new LinkedHashMap<Object, Object>());
                    case ']' -> stack.push(new ArrayList<Object>());
                    case ')' -> stack.push(List.of());
                    case 't' -> stack.push(popMark(stack));
                    case 'l' -> stack.push(new ArrayList<>(popMark(stack)));
                    case 0x85 -> stack.push(List.of(stack.pop()));
                    case 0x86 -> {
                        Object b = stack.pop();
                        Object a = stack.pop();
                        stack.push(listOf(a, b));
                    }
                    case 0x87 -> {
                        Object c = stack.pop();
                        Object b = stack.pop();
                        Object a = stack.pop();
                        stack.push(listOf(a, b, c));
                    }
                    case 'N' -> stack.push(NONE);
                    case 0x88 -> stack.push(Boolean.TRUE);
                    case 0x89 -> stack.push(Boolean.FALSE);
                    case 'K' -> stack.push((long) u8());
                    case 'M' -> stack.push(le(2));
                    case 'J' -> stack.push((long) (int) le(4));
                    case 0x8a -> stack.push(long1(bytes(u8())));
                    case 'G' -> stack.push(ByteBuffer.wrap(bytes(8)).getDouble());
                    case 'X' -> stack.push(new String(bytes(le(4)), StandardCharsets.UTF_8));
                    case 0x8c -> stack.push(new String(bytes(u8()), StandardCharsets.UTF_8));
                    case 'T' -> stack.push(new String(bytes(le(4)), StandardCharsets.ISO_8859_1));
                    case 'U' -> stack.push(new String(bytes(u8()), StandardCharsets.ISO_8859_1));
                    case 'B' -> stack.push(bytes(le(4)));
                    case 'C' -> stack.push(bytes(u8()));
                    case 'q' -> memo.put((long) u8(), stack.peek());
                    case 'r' -> memo.put(le(4), stack.peek());
                    case 0x94 -> memo.put((long) memo.size(), stack.peek());
                    case 'h' -> stack.push(memoGet(u8()));
                    case 'j' -> stack.push(memoGet(le(4)));
                    case 'c' -> {
                        String name = line() + " " + line();
                        if (!ALLOWED_GLOBALS.contains(name)) {
                            throw new IOException("refusing pickle global '" + name.replace(' ', '.')
                                    + "' at byte " + at + ": only state-dict globals are read");
                        }
                        stack.push(new Global(name));
                    }
                    case 'Q' -> stack.push(persistent(stack.pop()));
                    case 'R' -> {
                        Object args = stack.pop();
                        Object f = stack.pop();
                        stack.push(reduce(f, (List<?>) args, at));
                    }
                    case 'b' -> stack.pop(); // BUILD: state for OrderedDict/tensor (metadata), ignored
                    case 's' -> {
                        Object v = stack.pop();
                        Object k = stack.pop();
                        asMap(stack.peek(), at).put(k, v);
                    }
                    case 'u' -> {
                        List<Object> items = popMark(stack);
                        Map<Object, Object> m = asMap(stack.peek(), at);
                        for (int i = 0; i + 1 < items.size(); i += 2) {
                            m.put(items.get(i), items.get(i + 1));
                        }
                    }
                    case 'a' -> {
                        Object v = stack.pop();
                        asList(stack.peek(), at).add(v);
                    }
                    case 'e' -> {
                        List<Object> items = popMark(stack);
                        asList(stack.peek(), at).addAll(items);
                    }
                    default -> throw new IOException(String.format(
                            "unsupported pickle opcode 0x%02x at byte %d", op, at));
                }
            }
        }

        private Object memoGet(long k) throws IOException {
            if (!memo.containsKey(k)) {
                throw new IOException("pickle memo key " + k + " unknown");
            }
            return memo.get(k);
        }

        private static List<Object> listOf(Object... xs) {
            return Collections.unmodifiableList(Arrays.asList(xs));
        }

        @SuppressWarnings("unchecked")
        private static Map<Object, Object> asMap(Object o, int at) throws IOException {
            if (o instanceof Map<?, ?> m) {
                return (Map<Object, Object>) m;
            }
            throw new IOException("pickle SETITEM on a " + typeName(o) + " at byte " + at);
        }

        @SuppressWarnings("unchecked")
        private static List<Object> asList(Object o, int at) throws IOException {
            if (o instanceof ArrayList<?> l) {
                return (List<Object>) l;
            }
            throw new IOException("pickle APPEND on a " + typeName(o) + " at byte " + at);
        }

        private static List<Object> popMark(Deque<Object> stack) throws IOException {
            ArrayList<Object> items = new ArrayList<>();
            while (true) {
                if (stack.isEmpty()) {
                    throw new IOException("pickle MARK missing");
                }
                Object o = stack.pop();
                if (o == MARK) {
                    break;
                }
                items.add(0, o);
            }
            return items;
        }

        private static Object long1(byte[] b) {
            byte[] be = new byte[b.length];
            for (int i = 0; i < b.length; i++) {
                be[i] = b[b.length - 1 - i];
            }
            if (be.length == 0) {
                return 0L;
            }
            BigInteger v = new BigInteger(be);
            return v.bitLength() < 64 ? (Object) v.longValue() : v;
        }

        private static StorageRef persistent(Object pid) throws IOException {
            if (pid instanceof List<?> t && t.size() >= 5 && "storage".equals(t.get(0))
                    && t.get(1) instanceof Global g) {
                return new StorageRef(g.name().substring("torch ".length()), String.valueOf(t.get(2)));
            }
            throw new IOException("unsupported persistent id " + pid);
        }

        private static Object reduce(Object f, List<?> args, int at) throws IOException {
            if (!(f instanceof Global g)) {
                throw new IOException("pickle REDUCE on a " + typeName(f) + " at byte " + at);
            }
            switch (g.name()) {
                case "collections OrderedDict" -> {
                    return new LinkedHashMap<Object, Object>();
                }
                case "torch._utils _rebuild_tensor_v2" -> {
                    // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
                    if (args.size() < 4 || !(args.get(0) instanceof StorageRef s)) {
                        throw new IOException("malformed _rebuild_tensor_v2 arguments at byte " + at);
                    }
                    return new TensorSpec(s, (Long) args.get(1), longs(args.get(2)), longs(args.get(3)));
                }
                case "torch._utils _rebuild_parameter" -> {
                    return args.get(0);
                }
                default -> throw new IOException("refusing to call " + g.name().replace(' ', '.')
                        + " at byte " + at);
            }
        }

        private static long[] longs(Object o) throws IOException {
            if (!(o instanceof List<?> l)) {
                throw new IOException("expected a tuple of ints, got " + typeName(o));
            }
            long[] r = new long[l.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = (Long) l.get(i);
            }
            return r;
        }
    }

    /** Python's None (a null cannot live in an ArrayDeque). */
    private static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };
}
