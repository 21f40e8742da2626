package app.wauploader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --wifi-only / --charging-only with fake termux-api commands on PATH (scripts that answer what a
 * state file says): nothing is sent while the condition is false, the run goes on when it turns
 * true, stops with exit 10 after --wait-max, and without termux-api the flags fail at once.
 */
class DeviceConditionsCommandTest {
  @TempDir Path dir;

  private Map<String, String> fakeTermux(Path wifiState, Path batteryState) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    script(
        bin.resolve("termux-wifi-connectioninfo"),
        "if [ \"$(cat '"
            + wifiState
            + "')\" = on ]; then echo '{\"supplicant_state\": \"COMPLETED\","
            + " \"ssid\": \"home\"}'; else echo '{\"supplicant_state\": \"DISCONNECTED\"}'; fi");
    script(
        bin.resolve("termux-battery-status"),
        "if [ \"$(cat '"
            + batteryState
            + "')\" = on ]; then echo '{\"plugged\": \"PLUGGED_AC\"}';"
            + " else echo '{\"plugged\": \"UNPLUGGED\"}'; fi");
    return Map.of("PATH", bin + ":" + System.getenv("PATH"));
  }

  private static void script(Path file, String body) throws Exception {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void nothingIsSentWithoutWifiAndEverythingOnceItComes() throws Exception {
    Path media = UploadCommandTest.copySamples(dir);
    Path wifi = Files.writeString(dir.resolve("wifi"), "off");
    Path battery = Files.writeString(dir.resolve("battery"), "on");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator")))) {
      EmulatorInspector inspector = new EmulatorInspector(emulator.baseUri());
      Process p =
          CliProcess.upload(
              dir,
              fakeTermux(wifi, battery),
              media,
              emulator.baseUri(),
              dir.resolve("wa.db"),
              "--wifi-only",
              "--charging-only",
              "--condition-interval",
              "1",
              "--wait-max",
              "120");
      Thread.sleep(6_000);
      assertThat(p.isAlive()).as("the run waits").isTrue();
      assertThat(inspector.bytesReceived()).as("nothing sent without Wi-Fi").isZero();
      Files.writeString(wifi, "on");
      String out = CliProcess.finish(p, 120);
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("waiting for Wi-Fi");
      assertThat(inspector.items()).isNotEmpty();
    }
  }

  @Test
  void afterTheWaitLimitTheRunStopsWithExitTenAndTheNextRunGoesOn() throws Exception {
    Path media = UploadCommandTest.copySamples(dir);
    Path wifi = Files.writeString(dir.resolve("wifi"), "on");
    Path battery = Files.writeString(dir.resolve("battery"), "off");
    try (GoogleEmulator emulator =
        GoogleEmulator.start(EmulatorConfig.defaults(dir.resolve("emulator")))) {
      Process p =
          CliProcess.upload(
              dir,
              fakeTermux(wifi, battery),
              media,
              emulator.baseUri(),
              dir.resolve("wa.db"),
              "--charging-only",
              "--condition-interval",
              "1",
              "--wait-max",
              "3");
      String out = CliProcess.finish(p, 120);
      assertThat(p.exitValue()).as(out).isEqualTo(ExitCode.RETRY_LATER.code());
      assertThat(out).contains("waiting for the charger");
      assertThat(new EmulatorInspector(emulator.baseUri()).bytesReceived()).isZero();
      Files.writeString(battery, "on");
      Process again =
          CliProcess.upload(
              dir,
              fakeTermux(wifi, battery),
              media,
              emulator.baseUri(),
              dir.resolve("wa.db"),
              "--charging-only");
      String second = CliProcess.finish(again, 120);
      assertThat(again.exitValue()).as(second).isZero();
    }
  }

  @Test
  void withoutTermuxApiTheFlagFailsAtOnceWithWhatToInstall() throws Exception {
    Path media = UploadCommandTest.copySamples(dir);
    Path empty = Files.createDirectories(dir.resolve("nothing"));
    Process p =
        CliProcess.upload(
            dir,
            Map.of("PATH", empty + ":/usr/bin:/bin"),
            media,
            java.net.URI.create("http://127.0.0.1:1"),
            dir.resolve("wa.db"),
            "--wifi-only");
    String out = CliProcess.finish(p, 60);
    assertThat(p.exitValue()).as(out).isEqualTo(ExitCode.USAGE.code());
    assertThat(out).contains("pkg install termux-api");
  }
}
