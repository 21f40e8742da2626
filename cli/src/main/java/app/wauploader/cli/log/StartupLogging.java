package app.wauploader.cli.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging until the command line is read (then {@link Logging#configure} sets levels and files):
 * warnings only, on stderr. A logback {@link Configurator} found by the service loader
 * (META-INF/services), in code instead of a logback.xml: reading XML loads logback's Joran
 * configurator, about 600 classes and a third of a second of a cold start, for four lines of
 * settings.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class StartupLogging extends ContextAwareBase implements Configurator {
  /** Called by logback's service loader. */
  public StartupLogging() {}

  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    Logging.console(ctx, Level.WARN, Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
