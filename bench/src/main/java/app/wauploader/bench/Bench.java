package app.wauploader.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark of issue 13: every figure beside its baseline, measured in the same run on the same
 * generated trees, and the goal it is held to. {@code scripts/bench.sh} builds the launcher and
 * runs this; it is not part of the tests.
 *
 * <p>Arguments: {@code --launcher FILE} (bin/wa-uploader), {@code --samples DIR} (the sample media,
 * whose heads the generated files take), {@code --quick} (smaller trees, minutes instead of a
 * quarter hour), {@code --only NAME,…} (of {@link #FIGURES}), {@code --work DIR} (default a new
 * temporary folder, deleted afterwards unless {@code --keep}), {@code --rerun-sizes N,…} (the
 * re-run figure's tree sizes; the largest also carries the video of the heap figure).
 */
public final class Bench {
  static final List<String> FIGURES =
      List.of("help", "hash", "large", "small", "rerun", "lookup", "pipeline");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Path launcher = null;
    Path samples = Path.of("samples/whatsapp/Media");
    Path work = null;
    boolean quick = false;
    boolean keep = false;
    String rerunSizes = null;
    Set<String> only = new LinkedHashSet<>(FIGURES);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--launcher" -> launcher = Path.of(args[++i]);
        case "--samples" -> samples = Path.of(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--quick" -> quick = true;
        case "--keep" -> keep = true;
        case "--only" -> only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
        case "--rerun-sizes" -> rerunSizes = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (launcher == null || !Files.isExecutable(launcher)) {
      throw new IllegalArgumentException("--launcher must name bin/wa-uploader");
    }
    Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("wa-bench");
    Table table = new Table();
    try {
      Figures figures =
          new Figures(
              launcher,
              new Trees(samples),
              dir,
              new Commands(
                  Map.of(
                      "XDG_CONFIG_HOME", dir.resolve("home/config").toString(),
                      "XDG_STATE_HOME", dir.resolve("home/state").toString(),
                      "XDG_DATA_HOME", dir.resolve("home/data").toString(),
                      "XDG_CACHE_HOME", dir.resolve("home/cache").toString())),
              quick,
              rerunSizes,
              table);
      for (String name : only) {
        switch (name) {
          case "help" -> figures.help();
          case "hash" -> figures.hash();
          case "large" -> figures.large();
          case "small" -> figures.small();
          case "rerun" -> figures.rerun();
          case "lookup" -> figures.lookup();
          case "pipeline" -> BackupBenchmark.run(samples, dir.resolve("pipeline"));
          default -> throw new IllegalArgumentException("unknown figure " + name);
        }
      }
    } finally {
      System.out.println();
      table.print();
      if (!keep && work == null) {
        Trees.deleteTree(dir);
      }
    }
  }

  /** The figures so far, printed as one table at the end. */
  static final class Table {
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param ratio ours against the baseline as the goal states it (higher is better when the goal
     *     is "≥", lower when "≤"), NaN when there is no baseline
     * @param met whether the goal is met
     */
    void add(String figure, String ours, String baseline, double ratio, String goal, boolean met) {
      String[] row = {
        figure,
        ours,
        baseline,
        Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.2f", ratio),
        goal,
        met ? "met" : "MISSED"
      };
      rows.add(row);
      System.out.println("# " + String.join(" | ", row));
    }

    void print() {
      String[] head = {"figure", "wa-uploader", "baseline", "ratio", "goal", ""};
      int[] width = new int[head.length];
      List<String[]> all = new ArrayList<>();
      all.add(head);
      all.addAll(rows);
      for (String[] r : all) {
        for (int i = 0; i < r.length; i++) {
          width[i] = Math.max(width[i], r[i].length());
        }
      }
      for (String[] r : all) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < r.length; i++) {
          line.append(String.format(Locale.ROOT, "%-" + width[i] + "s", r[i]));
          line.append(i + 1 < r.length ? " | " : "");
        }
        System.out.println(line.toString().stripTrailing());
      }
    }
  }
}
