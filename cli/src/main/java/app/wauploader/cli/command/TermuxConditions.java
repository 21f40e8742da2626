package app.wauploader.cli.command;

import app.wauploader.cli.ExitCode;
import app.wauploader.cli.UserError;
import app.wauploader.core.upload.DeviceConditions;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Wi-Fi and charging as Termux:API tells them (https://wiki.termux.com/wiki/Termux:API): {@code
 * termux-wifi-connectioninfo} prints JSON whose {@code supplicant_state} is {@code COMPLETED} when
 * connected to Wi-Fi; {@code termux-battery-status} prints JSON whose {@code plugged} is {@code
 * UNPLUGGED} when not charging. Both need the {@code termux-api} package and the Termux:API app.
 */
final class TermuxConditions implements DeviceConditions {
  static final String WIFI = "termux-wifi-connectioninfo";
  static final String BATTERY = "termux-battery-status";

  private final boolean wifi;
  private final boolean charging;

  private TermuxConditions(boolean wifi, boolean charging) {
    this.wifi = wifi;
    this.charging = charging;
  }

  /**
   * The conditions asked for, checked once now so a missing termux-api fails before anything.
   *
   * @throws UserError ({@link ExitCode#USAGE}) when a command is missing or answers nonsense
   */
  static DeviceConditions of(boolean wifi, boolean charging) throws InterruptedException {
    if (!wifi && !charging) {
      return DeviceConditions.NONE;
    }
    TermuxConditions c = new TermuxConditions(wifi, charging);
    c.unmet();
    return c;
  }

  @Override
  public Optional<String> unmet() throws InterruptedException {
    if (wifi && !"COMPLETED".equals(field(WIFI, "supplicant_state", "--wifi-only"))) {
      return Optional.of("waiting for Wi-Fi");
    }
    if (charging && "UNPLUGGED".equals(field(BATTERY, "plugged", "--charging-only"))) {
      return Optional.of("waiting for the charger");
    }
    return Optional.empty();
  }

  /** Runs {@code command} and reads one string field of its JSON answer. */
  private static String field(String command, String name, String option)
      throws InterruptedException {
    String out;
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(command + " did not answer within 30 s");
      }
    } catch (IOException e) {
      throw new UserError(
          ExitCode.USAGE,
          option
              + " needs Termux:API ("
              + command
              + " failed: "
              + e.getMessage()
              + "): run 'pkg install termux-api' and install the Termux:API app");
    }
    try {
      JsonObject json = JsonParser.parseString(out).getAsJsonObject();
      return json.has(name) ? json.get(name).getAsString() : "";
    } catch (RuntimeException notJson) {
      throw new UserError(
          ExitCode.USAGE,
          option
              + ": "
              + command
              + " did not answer JSON ("
              + out.trim()
              + "); is Termux:API set up?");
    }
  }
}
