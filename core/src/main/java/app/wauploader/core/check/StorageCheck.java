package app.wauploader.core.check;

import app.wauploader.domain.Service;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Locale;
import java.util.Optional;

/**
 * Free storage from Drive's {@code about.get} {@code storageQuota}
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/about: {@code limit} and
 * {@code usage} in bytes, as strings; no {@code limit} means unlimited). The quota is the Google
 * account's, shared by Drive, Gmail and Photos, so it speaks for Photos uploads too.
 */
public final class StorageCheck {
  /** Less free storage than this (bytes) is worth a warning. */
  public static final long LOW_BYTES = 1L << 30;

  private StorageCheck() {}

  /**
   * @param about Drive's successful {@code about.get} answer, or empty when Drive did not answer
   */
  public static CheckResult of(Optional<GoogleAnswer> about) {
    if (about.isEmpty()) {
      return CheckResult.skip("storage", Optional.of(Service.DRIVE), "needs the Drive API");
    }
    Optional<JsonObject> quota = storageQuota(about.get().body());
    if (quota.isEmpty() || !quota.get().has("usage")) {
      return CheckResult.skip(
          "storage", Optional.of(Service.DRIVE), "Google did not report the storage quota");
    }
    long usage = quota.get().get("usage").getAsLong();
    if (!quota.get().has("limit")) {
      return CheckResult.ok(
          "storage", Optional.of(Service.DRIVE), "unlimited; " + bytes(usage) + " used");
    }
    long limit = quota.get().get("limit").getAsLong();
    long free = Math.max(0, limit - usage);
    String detail = bytes(free) + " free of " + bytes(limit);
    if (free == 0) {
      return CheckResult.fail(
          "storage",
          Optional.of(Service.DRIVE),
          SetupProblem.STORAGE_FULL,
          "the Google account's storage is full (" + detail + ")");
    }
    if (free < LOW_BYTES) {
      return CheckResult.warn("storage", Optional.of(Service.DRIVE), "only " + detail);
    }
    return CheckResult.ok("storage", Optional.of(Service.DRIVE), detail);
  }

  private static Optional<JsonObject> storageQuota(String body) {
    try {
      JsonElement root = JsonParser.parseString(body);
      if (root.isJsonObject()
          && root.getAsJsonObject().has("storageQuota")
          && root.getAsJsonObject().get("storageQuota").isJsonObject()) {
        return Optional.of(root.getAsJsonObject().getAsJsonObject("storageQuota"));
      }
    } catch (RuntimeException notJson) {
      // not reported
    }
    return Optional.empty();
  }

  private static String bytes(long n) {
    if (n >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
  }
}
