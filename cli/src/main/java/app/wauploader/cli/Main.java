package app.wauploader.cli;

import app.wauploader.cli.command.WaUploaderCommand;

/** Entry point: {@code java -jar wa-uploader.jar COMMAND …}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    NativeLibraries.useCachedSqlite(System.getenv());
    System.exit(WaUploaderCommand.commandLine().execute(args));
  }
}
