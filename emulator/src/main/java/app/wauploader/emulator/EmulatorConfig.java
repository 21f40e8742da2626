package app.wauploader.emulator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run a {@link GoogleEmulator}.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param dataDir directory for {@code state.json} and uploaded bytes; created if missing; one
 *     emulator at a time
 * @param bandwidthBytesPerSecond cap on reading upload bodies, all uploads together, bytes per
 *     second; 0 = unlimited
 * @param requireAuth when true, Drive and Photos routes need {@code Authorization: Bearer <valid
 *     access token>} issued by the emulator's OAuth endpoints (else 401)
 * @param tokenTtlSeconds lifetime of issued access tokens, seconds (at least 1; Google uses 3600)
 * @param faultsFile JSON array of fault rules loaded at start; null for none
 */
public record EmulatorConfig(
    int port,
    Path dataDir,
    long bandwidthBytesPerSecond,
    boolean requireAuth,
    long tokenTtlSeconds,
    Path faultsFile) {

  /** Default access token lifetime, as Google's (seconds). */
  public static final long DEFAULT_TOKEN_TTL_SECONDS = 3600;

  /**
   * @throws IllegalArgumentException for an out-of-range value
   */
  public EmulatorConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (bandwidthBytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "bandwidth must be >= 0 bytes/s, got " + bandwidthBytesPerSecond);
    }
    if (tokenTtlSeconds < 1) {
      throw new IllegalArgumentException("token TTL must be >= 1 s, got " + tokenTtlSeconds);
    }
  }

  /** Random port, unlimited bandwidth, no auth, 3600 s tokens, no faults. */
  public static EmulatorConfig defaults(Path dataDir) {
    return new EmulatorConfig(0, dataDir, 0, false, DEFAULT_TOKEN_TTL_SECONDS, null);
  }

  public EmulatorConfig withPort(int newPort) {
    return new EmulatorConfig(
        newPort, dataDir, bandwidthBytesPerSecond, requireAuth, tokenTtlSeconds, faultsFile);
  }

  public EmulatorConfig withBandwidth(long bytesPerSecond) {
    return new EmulatorConfig(
        port, dataDir, bytesPerSecond, requireAuth, tokenTtlSeconds, faultsFile);
  }

  public EmulatorConfig withRequireAuth(boolean required) {
    return new EmulatorConfig(
        port, dataDir, bandwidthBytesPerSecond, required, tokenTtlSeconds, faultsFile);
  }

  public EmulatorConfig withTokenTtl(long seconds) {
    return new EmulatorConfig(
        port, dataDir, bandwidthBytesPerSecond, requireAuth, seconds, faultsFile);
  }

  /**
   * @param file JSON array of fault rules; null for none
   */
  public EmulatorConfig withFaultsFile(Path file) {
    return new EmulatorConfig(
        port, dataDir, bandwidthBytesPerSecond, requireAuth, tokenTtlSeconds, file);
  }
}
