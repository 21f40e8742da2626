package app.wauploader.cli;

import app.wauploader.cli.command.WaUploaderCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process and captures exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    return run(WaUploaderCommand.commandLine(), args);
  }

  /** The command line with this environment and these directories (settings, logs). */
  static CliRun withEnv(java.util.Map<String, String> env, AppDirs dirs, String... args) {
    return run(WaUploaderCommand.commandLine(env, dirs), args);
  }

  private static CliRun run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** {@code upload --source MEDIA --endpoint URL --db DB --no-progress EXTRA…}. */
  static CliRun upload(
      java.nio.file.Path media, String endpoint, java.nio.file.Path db, String... extra) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "upload",
                "--source",
                media.toString(),
                "--endpoint",
                endpoint,
                "--db",
                db.toString(),
                "--no-progress"));
    args.addAll(java.util.List.of(extra));
    return of(args.toArray(new String[0]));
  }

  /** SHA-256 of a file's bytes, 64 lowercase hex. */
  static String sha256(java.nio.file.Path file) throws java.io.IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(java.nio.file.Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
