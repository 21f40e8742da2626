package app.wauploader.cli.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The CLI's logback set-up, in code (the levels come from the command line): warnings on stderr by
 * default ({@link LogOptions}), and a file (--log-file, or the per-run log {@link RunLogs} opens).
 * Libraries (Tika, the JDK's HTTP stack) stay at WARN unless -vv. Google's HTTP client logs through
 * java.util.logging, which is not bridged: request headers (the bearer token) never reach these
 * appenders. As a second guard every message is passed through {@link #REDACT}.
 */
public final class Logging {
  /**
   * Replaces what looks like a Google credential in a message (access tokens {@code ya29.…},
   * refresh tokens {@code 1//…}, client secrets {@code GOCSPX-…}, {@code Bearer …}) by {@code
   * [redacted]}: a logback {@code %replace}.
   */
  static final String REDACT =
      "%replace(%msg){'(ya29\\.[A-Za-z0-9._-]+|1//[A-Za-z0-9._-]+|GOCSPX-[A-Za-z0-9._-]+|(?i:bearer)"
          + " [A-Za-z0-9._~+/=-]+)', '[redacted]'}";

  private static final String FILE_PATTERN =
      "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{20} - " + REDACT + "%n%ex";
  private static final String CONSOLE_PATTERN = "wa-uploader: %-5level " + REDACT + "%n";

  private Logging() {}

  /**
   * Resets logging to {@code options}: stderr at its level and, if --log-file is given, that file.
   *
   * @throws IOException if the log file's folder cannot be made
   */
  public static void configure(LogOptions options) throws IOException {
    LoggerContext ctx = context();
    ctx.reset();
    console(ctx, options.consoleLevel(), options.verbosity() >= 2 ? Level.DEBUG : Level.WARN);
    if (options.logFile() != null) {
      addFile(options.logFile(), options.fileLevel());
    }
  }

  /**
   * Adds a log file at {@code level} (appended to; a new one is made 0600: it names the user's
   * files).
   *
   * @return the appender's name, for {@link #remove}
   */
  public static String addFile(Path file, Level level) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      Files.createDirectories(parent);
    }
    if (!Files.exists(file)) {
      try {
        Files.createFile(
            file,
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        // the file is made by the appender with the platform's defaults
      }
    }
    LoggerContext ctx = context();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(ctx);
    appender.setName("file:" + file);
    appender.setFile(file.toString());
    appender.setAppend(true);
    appender.setEncoder(encoder(ctx, FILE_PATTERN));
    appender.addFilter(threshold(ctx, level));
    appender.start();
    if (!appender.isStarted()) {
      throw new IOException("cannot write the log file " + file);
    }
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    if (!level.isGreaterOrEqual(root.getLevel())) {
      root.setLevel(level);
    }
    root.addAppender(appender);
    return appender.getName();
  }

  /** Closes and removes the appender {@link #addFile} named {@code name}. */
  public static void remove(String name) {
    Logger root = context().getLogger(Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.Appender<ILoggingEvent> appender = root.getAppender(name);
    if (appender != null) {
      root.detachAppender(appender);
      appender.stop();
    }
  }

  /**
   * Sets {@code ctx} (freshly reset) to log to stderr from {@code level}, with the libraries at
   * {@code libraries}; the root logger's level is lowered when a more verbose file is added.
   */
  static void console(LoggerContext ctx, Level level, Level libraries) {
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    // As verbose as the most verbose appender, no more: a debug call nobody writes costs nothing.
    root.setLevel(level);
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(ctx);
    console.setName("stderr");
    console.setTarget("System.err");
    console.setEncoder(encoder(ctx, CONSOLE_PATTERN));
    console.addFilter(threshold(ctx, level));
    console.start();
    root.addAppender(console);
    for (String library : new String[] {"org.apache", "com.google", "sun", "jdk", "java"}) {
      ctx.getLogger(library).setLevel(libraries);
    }
  }

  private static LoggerContext context() {
    return (LoggerContext) LoggerFactory.getILoggerFactory();
  }

  private static PatternLayoutEncoder encoder(LoggerContext ctx, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern(pattern);
    encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
    encoder.start();
    return encoder;
  }

  private static ThresholdFilter threshold(LoggerContext ctx, Level level) {
    ThresholdFilter filter = new ThresholdFilter();
    filter.setContext(ctx);
    filter.setLevel(level.levelStr);
    filter.start();
    return filter;
  }
}
