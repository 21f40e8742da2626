package app.wauploader.cli.command;

import app.wauploader.cli.AppDirs;
import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.cli.auth.GoogleSignIn;
import app.wauploader.cli.auth.ServiceScopes;
import app.wauploader.cli.auth.StoredTokens;
import app.wauploader.cli.auth.TokenStore;
import app.wauploader.core.app.Doctor;
import app.wauploader.core.auth.GoogleScopes;
import app.wauploader.core.google.GoogleEndpoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code auth login|status|logout}. */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description = "Sign in to Google, show the sign-in, or sign out.",
    subcommands = {AuthCommand.Login.class, AuthCommand.Status.class, AuthCommand.Logout.class})
public final class AuthCommand {

  /** Options shared by the auth subcommands. */
  static final class Common {
    @Option(
        names = "--endpoint",
        paramLabel = "URL",
        description = "OAuth at this base URL (the emulator); default: Google's.")
    URI endpoint;

    GoogleEndpoints endpoints() {
      return endpoint == null ? GoogleEndpoints.google() : GoogleEndpoints.at(endpoint);
    }

    TokenStore store() {
      return new TokenStore(AppDirs.fromEnvironment().config());
    }
  }

  @Command(
      name = "login",
      mixinStandardHelpOptions = true,
      description =
          "Sign in with your own Google OAuth client (Desktop app). Opens the consent page in a browser (termux-open-url in Termux), receives the answer on 127.0.0.1, and stores the tokens owner-only in $XDG_CONFIG_HOME/wa-uploader.")
  static final class Login implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Common common = new Common();

    @Option(
        names = "--client-secret",
        paramLabel = "FILE",
        description = "The client JSON downloaded from Google Cloud (imported once, kept 0600).")
    Path clientSecret;

    @Option(
        names = "--service",
        paramLabel = "photos|drive|all",
        defaultValue = "all",
        description =
            "Ask only for this service's access (default: ${DEFAULT-VALUE}). Access granted in"
                + " earlier sign-ins is kept (include_granted_scopes), so 'auth login --service"
                + " photos' then 'auth login --service drive' ends with both.")
    String service;

    @Option(names = "--no-browser", description = "Only print the link; open it yourself.")
    boolean noBrowser;

    @Option(
        names = "--browser-command",
        paramLabel = "CMD",
        description = "Program that opens the link (it gets the URL as last argument).")
    String browserCommand;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "300",
        description = "How long to wait for the browser (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      GoogleSignIn signIn = new GoogleSignIn(common.endpoints(), common.store());
      if (clientSecret != null) {
        signIn.importClient(clientSecret);
      }
      ServiceScopes asked = ServiceScopes.parse(service);
      StoredTokens tokens =
          signIn.login(asked.scopes(), url -> open(url, out), Duration.ofSeconds(timeoutSeconds));
      out.println("signed in; scopes: " + tokens.scope());
      out.println("credentials stored in " + common.store().credentialsFile() + " (mode 0600)");
      List<String> notGranted = GoogleSignIn.missing(asked.scopes(), tokens.scope());
      if (!notGranted.isEmpty()) {
        throw new UserError(
            ExitCode.NOT_SIGNED_IN,
            "Google did not grant "
                + shortNames(notGranted)
                + ": the consent screen had a box left unticked; sign in again and tick every"
                + " box: wa-uploader auth login --service "
                + asked.id());
      }
      List<String> stillNeeded = GoogleSignIn.missing(GoogleScopes.ALL, tokens.scope());
      if (!stillNeeded.isEmpty()) {
        ServiceScopes next =
            stillNeeded.stream().map(ServiceScopes::of).distinct().count() == 1
                ? ServiceScopes.of(stillNeeded.get(0))
                : ServiceScopes.ALL;
        out.println(
            "a backup also needs "
                + shortNames(stillNeeded)
                + ": run 'wa-uploader auth login --service "
                + next.id()
                + "' next");
      }
      return 0;
    }

    private static String shortNames(List<String> scopes) {
      List<String> names = new ArrayList<>();
      for (String scope : scopes) {
        names.add(Doctor.shortName(scope));
      }
      return String.join(", ", names);
    }

    private void open(String url, PrintWriter out) {
      out.println("Open this link to allow wa-uploader to upload to your Google account:");
      out.println(url);
      out.flush();
      if (noBrowser) {
        return;
      }
      List<String> command = new ArrayList<>();
      if (browserCommand != null) {
        command.addAll(List.of(browserCommand.trim().split("\\s+")));
      } else {
        Optional<String> opener = findOnPath("termux-open-url").or(() -> findOnPath("xdg-open"));
        if (opener.isEmpty()) {
          return;
        }
        command.add(opener.get());
      }
      command.add(url);
      try {
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
      } catch (IOException e) {
        throw new UserError(
            ExitCode.USAGE,
            "cannot start the browser command "
                + command.get(0)
                + ": "
                + e.getMessage()
                + " (use --no-browser and open the link yourself)");
      }
    }

    private static Optional<String> findOnPath(String program) {
      String path = System.getenv("PATH");
      if (path == null) {
        return Optional.empty();
      }
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, program);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate.toString());
        }
      }
      return Optional.empty();
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Show whether you are signed in, the scopes and token expiry (never the tokens).")
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Common common = new Common();

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Optional<StoredTokens> tokens = common.store().load();
      if (tokens.isEmpty()) {
        out.println(
            "not signed in: run 'wa-uploader auth login --client-secret client_secret.json'");
        return ExitCode.NOT_SIGNED_IN.code();
      }
      StoredTokens t = tokens.get();
      String account;
      try {
        account =
            new GoogleSignIn(common.endpoints(), common.store())
                .account()
                .orElse("(tokens belong to another endpoint: " + t.tokenUrl() + ")");
      } catch (IOException e) {
        account =
            "unknown: Google could not be asked ("
                + e.getClass().getSimpleName()
                + "); if access was revoked, run 'wa-uploader auth login'";
      }
      out.println("signed in as " + account + " (token endpoint " + t.tokenUrl() + ")");
      out.println("scopes: " + t.scope());
      out.println(
          "access token expires: "
              + Instant.ofEpochMilli(t.expiresAtMs())
              + " (refreshed automatically with the stored refresh token)");
      out.println("credentials file: " + common.store().credentialsFile());
      return 0;
    }
  }

  @Command(
      name = "logout",
      mixinStandardHelpOptions = true,
      description = "Revoke wa-uploader's access at Google and delete the stored tokens.")
  static final class Logout implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Common common = new Common();

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      if (common.store().load().isEmpty()) {
        out.println("not signed in; nothing to do");
        return 0;
      }
      boolean revoked = new GoogleSignIn(common.endpoints(), common.store()).logout();
      out.println(
          revoked
              ? "access revoked and tokens deleted"
              : "tokens deleted (Google did not confirm the revocation; you can also remove access at"
                  + " https://myaccount.google.com/permissions)");
      return 0;
    }
  }
}
