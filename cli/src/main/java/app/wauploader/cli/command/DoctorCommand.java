package app.wauploader.cli.command;

import app.wauploader.cli.Advice;
import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.cli.auth.GoogleSignIn;
import app.wauploader.cli.auth.StoredTokens;
import app.wauploader.cli.auth.TokenStore;
import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Doctor;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.check.CheckResult;
import app.wauploader.core.check.CheckStatus;
import app.wauploader.core.check.SetupAnswers;
import app.wauploader.core.check.SetupProblem;
import app.wauploader.core.check.SignInState;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.domain.Service;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code doctor}: one line per set-up check ({@code ok}, {@code warn}, {@code skip} or {@code
 * FAIL}, then what was found), and under each failure what to do. Exits {@link ExitCode#OK} only
 * when no check failed; else the code of the most basic failure: sign-in ({@link
 * ExitCode#NOT_SIGNED_IN}) before set-up errors at Google (API disabled, scopes missing, storage
 * full: {@link ExitCode#REMOTE_FATAL}) before the database ({@link ExitCode#DATABASE}) before
 * Google being out of reach ({@link ExitCode#RETRY_LATER}).
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Check the set-up end to end and say what to fix: the sign-in and its scopes, the Drive and Photos APIs, a tiny test upload to each (album 'wa-uploader check', folder WhatsApp/wa-uploader check), this device's clock, free storage.")
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin DatabaseOption database;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "Check against this base URL with Google's paths (the emulator); default: Google's.")
  String endpointText;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    GoogleEndpoints endpoints = endpoints();
    TokenStore store = new TokenStore(AppDirs.fromEnvironment().config());
    GoogleSignIn signIn = new GoogleSignIn(endpoints, store);
    AccessTokens tokens = AccessTokens.NONE;
    SignInState state;
    boolean stored = false;
    Optional<StoredTokens> saved = store.load();
    try {
      Optional<AccessTokens> signedIn = signIn.tokens();
      if (signedIn.isPresent()) {
        tokens = signedIn.get();
        stored = true;
        state = new SignInState.SignedIn(GoogleSignIn.granted(saved.orElseThrow().scope()));
      } else if (endpointText != null) {
        state = new SignInState.NotRequired();
      } else {
        state = new SignInState.Missing("not signed in to Google");
      }
    } catch (UserError noClient) {
      state = new SignInState.Missing(noClient.getMessage());
    }
    List<CheckResult> results =
        new Doctor(
                BackupEnvironment.google(
                    database.path(), tokens, endpoints, TransferOptions.thisProcess()))
            .check(state);
    int failed = 0;
    for (CheckResult r : results) {
      out.printf(Locale.ROOT, "%-5s %-14s %s%n", label(r.status()), r.check(), r.detail());
      if (r.problem().isPresent()) {
        failed++;
        out.printf(Locale.ROOT, "%-20s fix: %s%n", "", fix(r, stored));
      }
    }
    ExitCode code = exitCode(results);
    out.println(
        failed == 0
            ? "every check passed"
            : failed
                + (failed == 1 ? " check failed" : " checks failed")
                + "; fix the first FAIL, then run 'wa-uploader doctor' again");
    out.flush();
    return code.code();
  }

  private static String label(CheckStatus status) {
    return status == CheckStatus.FAIL ? "FAIL" : status.name().toLowerCase(Locale.ROOT);
  }

  /** The exit code of the most basic failed check; {@link ExitCode#OK} when none failed. */
  static ExitCode exitCode(List<CheckResult> results) {
    ExitCode code = ExitCode.OK;
    int rank = Integer.MAX_VALUE;
    for (CheckResult r : results) {
      if (r.problem().isEmpty()) {
        continue;
      }
      ExitCode candidate = exitCode(r.problem().get());
      int candidateRank =
          List.of(ExitCode.NOT_SIGNED_IN, ExitCode.REMOTE_FATAL, ExitCode.DATABASE)
              .indexOf(candidate);
      candidateRank = candidateRank < 0 ? 3 : candidateRank;
      if (candidateRank < rank) {
        rank = candidateRank;
        code = candidate;
      }
    }
    return code;
  }

  static ExitCode exitCode(SetupProblem problem) {
    return switch (problem) {
      case SIGN_IN -> ExitCode.NOT_SIGNED_IN;
      case MISSING_SCOPES, API_DISABLED, STORAGE_FULL, REFUSED -> ExitCode.REMOTE_FATAL;
      case DATABASE -> ExitCode.DATABASE;
      case UNREACHABLE -> ExitCode.RETRY_LATER;
    };
  }

  /** What to do about a failed check, in this front end's words. */
  private String fix(CheckResult r, boolean stored) {
    String endpoint = endpointText == null ? "" : " --endpoint " + endpointText;
    return switch (r.problem().orElseThrow()) {
      case SIGN_IN ->
          stored
              ? Advice.SIGN_IN_AGAIN
              : "create your OAuth client (see docs/google-oauth.md), then run 'wa-uploader auth"
                  + " login"
                  + endpoint
                  + " --client-secret client_secret.json'";
      case MISSING_SCOPES ->
          "sign in again and tick every box: wa-uploader auth login"
              + endpoint
              + " --service "
              + r.service().map(Service::id).orElse("all");
      case API_DISABLED ->
          r.service()
              .map(
                  s ->
                      "enable the "
                          + apiName(s)
                          + " for your OAuth client's project: "
                          + SetupAnswers.libraryUrl(s).orElseThrow()
                          + " (it takes a few minutes to apply)")
              .orElse("enable the API named above for your OAuth client's project");
      case UNREACHABLE ->
          "check the connection"
              + (endpointText == null ? "" : " and that the emulator runs at " + endpointText)
              + ", then run 'wa-uploader doctor' again";
      case STORAGE_FULL -> Advice.of(app.wauploader.domain.FailureReason.STORAGE_FULL);
      case DATABASE ->
          "check the path and its permissions; 'wa-uploader db check' tells whether the file is"
              + " damaged, 'wa-uploader db restore' puts back the newest good backup";
      case REFUSED -> "see Google's answer above; if it stays, please report it with that line";
    };
  }

  private static String apiName(Service service) {
    return service == Service.PHOTOS ? "Google Photos Library API" : "Google Drive API";
  }

  private GoogleEndpoints endpoints() {
    return GoogleAccess.endpoints(endpointText);
  }
}
