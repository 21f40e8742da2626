package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.FreeUp;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.source.SourceKeys;
import app.wauploader.db.FreedFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code free-up}: deletes local files whose content Google confirms it holds now (see {@link
 * FreeUp}); a dry run unless {@code --apply}. One line per file, then a summary. Exits {@link
 * ExitCode#OK} when every file was freed or kept by a rule (kept files are reported, not errors),
 * {@link ExitCode#NOT_FREED} when Google could not be asked for some or a deletion failed.
 */
@Command(
    name = "free-up",
    mixinStandardHelpOptions = true,
    description =
        "Free up space on the phone: delete local files whose content is safely in Google. A file"
            + " is deleted only when its upload is committed, Google confirms the item now (Drive:"
            + " same SHA-256; Photos: the item is still there), it is older than --older-than, no"
            + " transfer of it is open, and its bytes are still the uploaded ones. Without --apply"
            + " nothing is touched: it lists what would be freed. Every deletion is journaled"
            + " ('free-up --log').")
public final class FreeUpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(
      names = "--older-than",
      paramLabel = "AGE",
      defaultValue = "30d",
      description =
          "Only files that arrived at least this long ago (by their modification time): 12h, 30d,"
              + " 8w, 6m, 1y (default: ${DEFAULT-VALUE}; WhatsApp users often re-share recent media).")
  String olderThan;

  @Option(names = "--apply", description = "Really delete (without it: a dry run).")
  boolean apply;

  @Option(
      names = "--source",
      paramLabel = "DIR",
      description =
          "Only files under this folder (repeatable); default: every file the database knows.")
  List<Path> sources = new ArrayList<>();

  @Option(names = "--log", description = "List the files freed so far (newest first) and stop.")
  boolean log;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "Ask this base URL with Google's paths (the emulator); default: Google's.")
  String endpointText;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (log) {
      List<FreedFile> freed = new FreeUp(environment(AccessTokens.NONE)).log(1000);
      for (FreedFile f : freed) {
        out.printf(
            Locale.ROOT,
            "%s  %s  %.2f MiB  %s  %s %s%n",
            UploadRunner.TIME.format(f.freedAt()),
            SourceKeys.display(f.sourceKey()),
            f.size() / 1048576.0,
            f.sha256(),
            f.service().id(),
            f.remoteId());
      }
      out.println(freed.isEmpty() ? "nothing freed yet" : freed.size() + " files freed");
      out.flush();
      return ExitCode.OK.code();
    }
    Duration age = Amounts.age(olderThan, "--older-than");
    List<FreeUp.Entry> entries =
        new FreeUp(environment(tokens())).run(new FreeUp.Options(age, apply, List.copyOf(sources)));
    long freedFiles = 0;
    long freedBytes = 0;
    long kept = 0;
    boolean failed = false;
    for (FreeUp.Entry e : entries) {
      boolean frees =
          e.decision() == FreeUp.Decision.FREED || e.decision() == FreeUp.Decision.WOULD_FREE;
      if (frees) {
        freedFiles++;
        freedBytes += e.size();
      } else {
        kept++;
      }
      failed |= e.decision().failed();
      out.printf(
          Locale.ROOT,
          "%-11s %s (%.2f MiB, %s %s)%s%n",
          label(e.decision()),
          e.path(),
          e.size() / 1048576.0,
          e.service().id(),
          e.remoteId(),
          e.detail().isEmpty() ? "" : ": " + e.detail());
    }
    out.printf(
        Locale.ROOT,
        "%s %d files, %.1f MiB; kept %d%s%n",
        apply ? "freed" : "would free",
        freedFiles,
        freedBytes / 1048576.0,
        kept,
        apply || freedFiles == 0 ? "" : " (dry run: add --apply to delete them)");
    out.flush();
    return (failed ? ExitCode.NOT_FREED : ExitCode.OK).code();
  }

  private static String label(FreeUp.Decision d) {
    return switch (d) {
      case FREED -> "freed";
      case WOULD_FREE -> "would free";
      case KEPT_TOO_NEW -> "kept (new)";
      case KEPT_CHANGED -> "kept (changed)";
      case KEPT_GONE_FROM_GOOGLE -> "kept (gone)";
      case KEPT_DIFFERS_IN_GOOGLE -> "kept (differs)";
      case KEPT_IN_TRANSFER -> "kept (busy)";
      case NOT_CONFIRMED -> "NOT CONFIRMED";
      case DELETE_FAILED -> "DELETE FAILED";
    };
  }

  private BackupEnvironment environment(AccessTokens tokens) {
    return BackupEnvironment.google(
        database.path(), tokens, endpoints(), TransferOptions.thisProcess());
  }

  private GoogleEndpoints endpoints() {
    return GoogleAccess.endpoints(endpointText);
  }

  /** The stored sign-in; an emulator (--endpoint) may be asked without one. */
  private AccessTokens tokens() throws java.io.IOException {
    return GoogleAccess.tokens(
        endpoints(),
        AppDirs.fromEnvironment(),
        endpointText != null,
        " (free-up asks Google before deleting anything)");
  }
}
