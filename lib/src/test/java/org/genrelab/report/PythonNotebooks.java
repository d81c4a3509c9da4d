package org.genrelab.report;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small notebooks for the stock {@code python3} kernel: the runner's tests run in seconds without the Java kernel spec. */
public final class PythonNotebooks {

    private PythonNotebooks() {
    }

    /** A notebook {@code dir/name.ipynb} of code cells with these sources. */
    public static Path write(Path dir, String name, String... cells) throws IOException {
        return writeTagged(dir, name, new String[cells.length][], cells);
    }

    /** As {@link #write}, with cell tags ({@code tags[i]} for cell i, null for none). */
    public static Path writeTagged(Path dir, String name, String[][] tags, String... cells) throws IOException {
        Gson gson = new Gson();
        StringBuilder sb = new StringBuilder("{\"cells\":[");
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append(',');
            sb.append("{\"cell_type\":\"code\",\"metadata\":")
              .append(tags[i] == null ? "{}" : "{\"tags\":" + gson.toJson(tags[i]) + "}")
              .append(",\"execution_count\":null,\"outputs\":[],\"source\":").append(gson.toJson(cells[i])).append('}');
        }
        sb.append("],\"metadata\":{\"kernelspec\":{\"name\":\"python3\",\"display_name\":\"Python 3\",\"language\":\"python\"}},")
          .append("\"nbformat\":4,\"nbformat_minor\":5}");
        Path nb = dir.resolve(name + ".ipynb");
        Files.writeString(nb, sb.toString());
        return nb;
    }
}
