package app.wauploader.cli.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.FilterReply;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Logging before the command line is read: warnings on stderr, set in code, not by Joran. */
class StartupLoggingTest {
  @Test
  void logbackFindsItByTheServiceLoaderAndItStopsTheXmlConfigurators() {
    assertThat(ServiceLoader.load(Configurator.class)).anyMatch(c -> c instanceof StartupLogging);
    LoggerContext ctx = new LoggerContext();
    StartupLogging startup = new StartupLogging();
    startup.setContext(ctx);
    assertThat(startup.configure(ctx))
        .isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    var root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var stderr = (ch.qos.logback.core.ConsoleAppender<?>) root.getAppender("stderr");
    assertThat(stderr.getTarget()).isEqualTo("System.err");
    assertThat(stderr.isStarted()).isTrue();
    var threshold =
        (ch.qos.logback.classic.filter.ThresholdFilter)
            stderr.getCopyOfAttachedFiltersList().get(0);
    assertThat(threshold.decide(event(ctx, Level.INFO))).isEqualTo(FilterReply.DENY);
    assertThat(threshold.decide(event(ctx, Level.WARN))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(ctx.getLogger("org.apache.tika").getEffectiveLevel()).isEqualTo(Level.WARN);
  }

  private static ch.qos.logback.classic.spi.LoggingEvent event(LoggerContext ctx, Level level) {
    return new ch.qos.logback.classic.spi.LoggingEvent(
        "x", ctx.getLogger("app.wauploader"), level, "message", null, null);
  }
}
