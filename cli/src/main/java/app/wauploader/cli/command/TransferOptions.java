package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.cli.log.LogOptions;
import app.wauploader.cli.log.RunLogs;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Backups;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.upload.LockOwner;
import app.wauploader.core.upload.RunControl;
import app.wauploader.core.upload.RunSummary;
import app.wauploader.core.upload.UploadOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code upload} and {@code resume}: where to send, how, and how fast. */
public final class TransferOptions {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(TransferOptions.class);

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "Send every Google call (Drive, Photos, OAuth) to this base URL with Google's paths,"
              + " e.g. the emulator's http://127.0.0.1:PORT. Default: the real Google endpoints.")
  String endpointText;

  /** The validated --endpoint, or null for the real Google endpoints. */
  URI endpoint() {
    return GoogleAccess.endpoint(endpointText);
  }

  @Option(
      names = "--now",
      description =
          "Try files that wait (after failures, or for a daily quota) at once instead of at their"
              + " time.")
  boolean now;

  @Option(
      names = "--max-duration",
      paramLabel = "SECONDS",
      description =
          "Stop cleanly after this long (transfers keep what the server acknowledged); the next"
              + " run continues.")
  Long maxDurationSeconds;

  @Option(names = "--dry-run", description = "Plan only: send nothing and write nothing.")
  boolean dryRun;

  @Option(
      names = "--transfers",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Parallel transfers, 1..16 (default: ${DEFAULT-VALUE}; fewer while Google"
              + " rate-limits).")
  int transfers;

  @Option(
      names = "--chunk-size",
      paramLabel = "MiB",
      defaultValue = "8",
      description = "Upload chunk size in MiB, a multiple of 0.25 (default: ${DEFAULT-VALUE}).")
  double chunkMib;

  @Option(
      names = "--lock-timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description =
          "Work locked by another wa-uploader process is taken over when its heartbeat is older"
              + " than this, or at once when that process is gone (default: ${DEFAULT-VALUE}).")
  long lockTimeoutSeconds;

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Attempts per request on transient errors (5xx, 429, lost connection) before the file"
              + " waits for a later run (default: ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(
      names = "--backoff",
      paramLabel = "START,CAP",
      defaultValue = "2,30",
      split = ",",
      hideParamSyntax = true,
      description =
          "Exponential back-off between attempts, seconds: first wait and cap, with jitter;"
              + " Google's Retry-After wins when longer (default: ${DEFAULT-VALUE}).")
  List<Double> backoff;

  @Option(
      names = "--progress-every",
      paramLabel = "MiB,SECONDS",
      defaultValue = "8,5",
      split = ",",
      hideParamSyntax = true,
      description =
          "Write the acknowledged offset and chunk ledger to the database at least this often"
              + " (default: ${DEFAULT-VALUE}); resume always asks the server anyway.")
  List<Double> progressEvery;

  @Option(
      names = "--restore-dates",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Write each photo's and video's date (from its chat message, its WhatsApp name such as"
              + " IMG-20231105-WA0004.jpg, or its mtime) into the copy sent to Google Photos, so"
              + " Photos shows it on the day it was taken, and give Drive files that date as their"
              + " created and modified times. The local file is never changed and Drive gets its"
              + " exact bytes. On by default; --no-restore-dates sends every file as it is.")
  boolean restoreDates = true;

  @Option(
      names = "--bwlimit",
      paramLabel = "RATE",
      description =
          "Send at most this many bytes per second, all transfers together: bytes, or with K, M, G"
              + " (e.g. 2M = 2 MiB/s). Default: no limit.")
  String bwlimit;

  @Option(
      names = "--wifi-only",
      description =
          "Send only while the phone is on Wi-Fi (Termux: asks termux-wifi-connectioninfo at start"
              + " and every minute); while it is not, nothing is sent and the run waits.")
  boolean wifiOnly;

  @Option(
      names = "--charging-only",
      description =
          "Send only while the phone charges (Termux: asks termux-battery-status at start and every"
              + " minute).")
  boolean chargingOnly;

  @Option(
      names = "--wait-max",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "How long to wait for Wi-Fi or the charger before stopping with exit 10 (the next run goes"
              + " on); default ${DEFAULT-VALUE}.")
  long waitMaxSeconds;

  @Option(names = "--condition-interval", hidden = true, defaultValue = "60")
  long conditionIntervalSeconds;

  @Option(names = "--no-progress", description = "Do not draw the progress bar.")
  boolean noProgress;

  @Option(
      names = "--json",
      description =
          "Also print the run's summary as one JSON object, the last line on stdout (fields:"
              + " README, 'Reports').")
  boolean json;

  /** The run's options from the command line, locked for this process. */
  UploadOptions options() {
    long chunkBytes = Math.round(chunkMib * 1024 * 1024);
    if (chunkBytes <= 0
        || chunkBytes % UploadOptions.CHUNK_GRANULARITY != 0
        || chunkBytes > 256L << 20) {
      throw new UserError(
          ExitCode.USAGE, "--chunk-size must be a multiple of 0.25 MiB, at most 256");
    }
    if (transfers < 1 || transfers > 16) {
      throw new UserError(ExitCode.USAGE, "--transfers must be between 1 and 16");
    }
    if (lockTimeoutSeconds < 1) {
      throw new UserError(ExitCode.USAGE, "--lock-timeout must be at least 1 second");
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new UserError(ExitCode.USAGE, "--max-attempts must be between 1 and 100");
    }
    if (backoff.size() != 2 || backoff.get(0) < 0 || backoff.get(1) < backoff.get(0)) {
      throw new UserError(ExitCode.USAGE, "--backoff takes START,CAP in seconds, START <= CAP");
    }
    if (progressEvery.size() != 2 || progressEvery.get(0) < 0 || progressEvery.get(1) < 0) {
      throw new UserError(ExitCode.USAGE, "--progress-every takes MiB,SECONDS, both >= 0");
    }
    if (maxDurationSeconds != null && maxDurationSeconds < 1) {
      throw new UserError(ExitCode.USAGE, "--max-duration must be at least 1 second");
    }
    RetryPolicy retry =
        RetryPolicy.defaults()
            .withMaxAttempts(maxAttempts)
            .withDelays(seconds(backoff.get(0)), seconds(backoff.get(1)));
    return UploadOptions.defaults()
        .withRetry(retry)
        .withProgress(Math.round(progressEvery.get(0) * 1024 * 1024), seconds(progressEvery.get(1)))
        .withTransfers(transfers)
        .withChunkBytes((int) chunkBytes)
        .withDryRun(dryRun)
        .withNow(now)
        .withRestoreDates(restoreDates)
        .withBandwidthLimit(bwlimit == null ? 0 : Amounts.bytes(bwlimit, "--bwlimit"))
        .withOwner(thisProcess())
        .withLockTimeout(Duration.ofSeconds(lockTimeoutSeconds));
  }

  boolean showProgress() {
    return !noProgress && System.console() != null;
  }

  /** Runs one facade call with this command line's control and progress, printing its summary. */
  RunSummary run(
      picocli.CommandLine.Model.CommandSpec spec, UploadOptions options, UploadRunner.Work work)
      throws IOException, InterruptedException {
    LogOptions log = WaUploaderCommand.logOptions(spec);
    // A per-run log by default; none for a dry run (it writes nothing anywhere) or with --log-file.
    try (RunLogs.RunLog runLog =
        options.dryRun() || log.logFile() != null
            ? null
            : RunLogs.open(AppDirs.fromEnvironment().logs(), spec.name(), log)) {
      LOG.info(
          "{} {}: {} transfers, chunks of {} bytes, database {}{}",
          new WaUploaderCommand.Version().getVersion()[0],
          spec.name(),
          options.transfers(),
          options.chunkBytes(),
          spec.findOption("--db") == null
              ? ""
              : String.valueOf((Object) spec.findOption("--db").getValue()),
          endpointText == null ? "" : ", endpoint " + endpointText);
      return UploadRunner.run(
          control(),
          showProgress(),
          options.dryRun(),
          log.quiet(),
          json,
          spec.commandLine().getOut(),
          spec.commandLine().getErr(),
          work);
    }
  }

  /**
   * A control for this run: stopped by Ctrl-C/SIGTERM, and at --max-duration if given; sending only
   * on Wi-Fi / while charging when asked (checked now: a missing termux-api fails at once).
   */
  RunControl control() throws InterruptedException {
    RunControl control =
        maxDurationSeconds == null
            ? RunControl.create()
            : RunControl.withDeadline(Clock.systemUTC(), Duration.ofSeconds(maxDurationSeconds));
    if (wifiOnly || chargingOnly) {
      control.conditions(
          TermuxConditions.of(wifiOnly, chargingOnly),
          Duration.ofSeconds(Math.max(1, conditionIntervalSeconds)),
          Duration.ofSeconds(Math.max(0, waitMaxSeconds)),
          reason ->
              System.err.println(
                  "wa-uploader: "
                      + reason
                      + " (checked every "
                      + conditionIntervalSeconds
                      + " s; the run stops after "
                      + waitMaxSeconds
                      + " s)"));
    }
    return control;
  }

  /**
   * The stored sign-in for these endpoints; without one, an emulator (--endpoint) is used without
   * tokens and real Google is refused before any call. A dry run needs none.
   */
  AccessTokens tokens(AppDirs dirs) throws IOException {
    return GoogleAccess.tokens(endpoints(), dirs, endpoint() != null || dryRun, "");
  }

  /** Google's endpoints, or every call at --endpoint. */
  GoogleEndpoints endpoints() {
    return GoogleAccess.endpoints(endpointText);
  }

  /** The facade for this command line: database, sign-in, endpoints, this process's locks. */
  Backups backups(AppDirs dirs, Path database) throws IOException {
    return new Backups(
        BackupEnvironment.google(database, tokens(dirs), endpoints(), thisProcess())
            .withDeviceName(GoogleAccess.deviceName()));
  }

  private static Duration seconds(double value) {
    return Duration.ofMillis(Math.round(value * 1000));
  }

  /** This process as a lock owner: host name and pid. */
  static LockOwner thisProcess() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    return LockOwner.create(
        host, ProcessHandle.current().pid(), pid -> ProcessHandle.of(pid).isEmpty());
  }
}
