package app.wauploader.emulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry: {@code emulator [--port N] --data DIR [--bandwidth BYTES_PER_SECOND]
 * [--require-auth] [--token-ttl SECONDS] [--faults FILE] [--album-capacity N] [--photos-storage
 * BYTES] [--session-ttl SECONDS] [--accept-any-media] [--photos-chunk-granularity BYTES]}. Prints
 * exactly {@code emulator listening on http://127.0.0.1:PORT} on stdout once ready and runs until
 * the process is killed.
 */
public final class EmulatorMain {
  /** Exit code: stopped normally. */
  public static final int EXIT_OK = 0;

  /** Exit code: could not start (port taken, data dir unusable, bad faults file). */
  public static final int EXIT_START_FAILED = 1;

  /** Exit code: invalid arguments. */
  public static final int EXIT_USAGE = 2;

  private static final String USAGE =
      "usage: emulator [--port N] --data DIR [--bandwidth BYTES_PER_SECOND] [--require-auth]"
          + " [--token-ttl SECONDS] [--faults FILE] [--album-capacity N] [--photos-storage BYTES]"
          + " [--session-ttl SECONDS] [--accept-any-media] [--photos-chunk-granularity BYTES]";

  private EmulatorMain() {}

  public static void main(String[] args) {
    int code = run(args);
    if (code != EXIT_OK) {
      System.exit(code);
    }
  }

  /**
   * Parses the arguments, starts the emulator and blocks until the JVM shuts down.
   *
   * @return {@link #EXIT_USAGE} for bad arguments, {@link #EXIT_START_FAILED} when it cannot start
   */
  public static int run(String... args) {
    CountDownLatch stop = new CountDownLatch(1);
    return run(System.out, System.err, stop, true, args);
  }

  /**
   * The testable core of {@link #run(String...)}: runs until {@code stop} is counted down.
   *
   * @param closeOnJvmExit also stop (and flush state) when the JVM shuts down
   */
  static int run(
      PrintStream out,
      PrintStream err,
      CountDownLatch stop,
      boolean closeOnJvmExit,
      String... args) {
    EmulatorConfig config;
    try {
      config = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("emulator: " + e.getMessage());
      err.println(USAGE);
      return EXIT_USAGE;
    }
    if (config == null) {
      out.println(USAGE);
      return EXIT_OK;
    }
    GoogleEmulator emulator;
    try {
      emulator = GoogleEmulator.start(config);
    } catch (IOException e) {
      err.println("emulator: " + e.getMessage());
      return EXIT_START_FAILED;
    }
    Thread hook = new Thread(emulator::close, "google-emulator-shutdown");
    if (closeOnJvmExit) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
    out.println("emulator listening on " + emulator.baseUri());
    out.flush();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      emulator.close();
    }
    return EXIT_OK;
  }

  /** The configuration from the arguments; null when help was asked for. */
  static EmulatorConfig parse(String... args) {
    Integer port = 0;
    Path data = null;
    long bandwidth = 0;
    boolean requireAuth = false;
    long ttl = EmulatorConfig.DEFAULT_TOKEN_TTL_SECONDS;
    Path faults = null;
    int albumCapacity = EmulatorConfig.DEFAULT_ALBUM_CAPACITY;
    long photosStorage = 0;
    long sessionTtl = EmulatorConfig.DEFAULT_RESUMABLE_SESSION_TTL_SECONDS;
    boolean checkMedia = true;
    int granularity = EmulatorConfig.DEFAULT_PHOTOS_CHUNK_GRANULARITY;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> {
          return null;
        }
        case "--require-auth" -> requireAuth = true;
        case "--port" -> port = (int) number(arg, value(args, ++i, arg), 0, 65535);
        case "--data" -> data = Path.of(value(args, ++i, arg));
        case "--bandwidth" -> bandwidth = number(arg, value(args, ++i, arg), 0, Long.MAX_VALUE);
        case "--token-ttl" -> ttl = number(arg, value(args, ++i, arg), 1, Long.MAX_VALUE);
        case "--faults" -> faults = Path.of(value(args, ++i, arg));
        case "--album-capacity" ->
            albumCapacity = (int) number(arg, value(args, ++i, arg), 1, Integer.MAX_VALUE);
        case "--photos-storage" ->
            photosStorage = number(arg, value(args, ++i, arg), 0, Long.MAX_VALUE);
        case "--session-ttl" -> sessionTtl = number(arg, value(args, ++i, arg), 1, Long.MAX_VALUE);
        case "--accept-any-media" -> checkMedia = false;
        case "--photos-chunk-granularity" ->
            granularity = (int) number(arg, value(args, ++i, arg), 1, Integer.MAX_VALUE);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (data == null) {
      throw new IllegalArgumentException("--data DIR is required");
    }
    return new EmulatorConfig(
        port,
        data,
        bandwidth,
        requireAuth,
        ttl,
        faults,
        albumCapacity,
        photosStorage,
        sessionTtl,
        checkMedia,
        granularity);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static long number(String option, String text, long min, long max) {
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw new IllegalArgumentException(
        option + " must be a number in " + min + ".." + max + ", got '" + text + "'");
  }
}
