package app.wauploader.bench;

import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The planner's dedup lookup ({@code file_hashes} by SHA-256) on a real SQLite file of {@link
 * #rows} rows, half the lookups hits and half misses: alone in a read transaction, and in batches
 * as the planner makes them. The file is built once per row count and kept in the bench's work
 * folder (building 1,000,000 rows takes a while).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DedupLookupBenchmark {
  @Param("1000000")
  public int rows;

  @Param("")
  public String dir;

  private Database db;
  private String[] probes;
  private int next;

  @Setup
  public void open() throws Exception {
    Path file =
        Path.of(dir.isEmpty() ? System.getProperty("java.io.tmpdir") : dir)
            .resolve("lookup-" + rows + ".db");
    boolean build = !Files.exists(file);
    db = Database.open(file);
    if (build) {
      db.useTransaction(
          tx -> {
            for (int i = 0; i < rows; i++) {
              tx.fileHashes()
                  .record(
                      hash(i),
                      "/sdcard/WhatsApp/Media/IMG-" + i + ".jpg",
                      "IMG-" + i + ".jpg",
                      100_000 + i,
                      "image/jpeg",
                      i % 3 == 0 ? Service.DRIVE : Service.PHOTOS,
                      "remote-" + i,
                      Optional.empty(),
                      Optional.empty());
            }
          });
    }
    probes = new String[1 << 16];
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < probes.length; i++) {
      int n = random.nextInt(rows);
      probes[i] = i % 2 == 0 ? hash(n) : hash(rows + n); // hit, miss
    }
  }

  @TearDown
  public void close() {
    db.close();
  }

  /** Lookups per planning transaction, as the planner makes them (one batch of listed files). */
  static final int BATCH = 128;

  /** One lookup in a read transaction of its own (the strictest: the transaction's cost too). */
  @Benchmark
  public Object lookup() {
    String probe = probes[next++ & (probes.length - 1)];
    return db.read(tx -> tx.fileHashes().find(probe));
  }

  /**
   * As the planner looks up: {@value #BATCH} lookups in one transaction (a batch of listed files);
   * the time reported is per lookup.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object lookupInBatch() {
    return db.read(
        tx -> {
          Object last = null;
          for (int i = 0; i < BATCH; i++) {
            last = tx.fileHashes().find(probes[next++ & (probes.length - 1)]);
          }
          return last;
        });
  }

  static String hash(int i) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(Integer.toString(i).getBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
