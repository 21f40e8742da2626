package app.wauploader.emulator.faults;

import app.wauploader.emulator.http.ApiRoute;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One fault injection rule, as posted to {@code /__emulator/faults} or listed in the faults file:
 * {@code {"route":"drive.upload","times":1,"action":"status","status":503,"reason":"backendError",
 * "message":"…","retryAfter":2,"afterBytes":0,"itemIndexes":[0],"form":"alternate"}}.
 *
 * @param route a route wire name ({@code drive.upload}, {@code photos.batchCreate}, …) or {@code *}
 *     for every Drive and Photos route
 * @param times how many matching requests it affects (at least 1)
 * @param action what it does
 * @param status HTTP status for {@code status} (default 503); for {@code partial} the per-item code
 *     (an HTTP status is mapped to its google.rpc code, a value below 100 is used as is; default
 *     13)
 * @param reason Drive error reason; null for the status's default
 * @param message error message; null for a default
 * @param retryAfter seconds for a {@code Retry-After} header; null for none
 * @param afterBytes body bytes to read before {@code reset} or {@code stall} act
 * @param itemIndexes batchCreate item positions failed by {@code partial}
 * @param form {@code dailyQuota} only: {@code allRequestsPerDay}, {@code apiCallsPerProjectPerDay}
 *     or {@code alternate}; null for {@code alternate}
 */
public record FaultRule(
    String route,
    int times,
    FaultAction action,
    Integer status,
    String reason,
    String message,
    Long retryAfter,
    long afterBytes,
    List<Integer> itemIndexes,
    String form) {

  /** {@code form} value that alternates the daily-quota message forms. */
  public static final String ALTERNATE = "alternate";

  private static final Set<String> FIELDS =
      Set.of(
          "route",
          "times",
          "action",
          "status",
          "reason",
          "message",
          "retryAfter",
          "afterBytes",
          "itemIndexes",
          "form");

  public FaultRule {
    itemIndexes = itemIndexes == null ? List.of() : List.copyOf(itemIndexes);
  }

  /**
   * Parses a JSON array of rules (a single rule object is accepted too).
   *
   * @throws IllegalArgumentException naming the first problem
   */
  public static List<FaultRule> parseList(String json) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new IllegalArgumentException("fault rules are not valid JSON: " + e.getMessage(), e);
    }
    JsonArray array;
    if (root.isJsonArray()) {
      array = root.getAsJsonArray();
    } else if (root.isJsonObject()) {
      array = new JsonArray();
      array.add(root);
    } else {
      throw new IllegalArgumentException("fault rules must be a JSON array of objects");
    }
    List<FaultRule> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!array.get(i).isJsonObject()) {
        throw new IllegalArgumentException("fault rule #" + i + " is not a JSON object");
      }
      try {
        rules.add(parse(array.get(i).getAsJsonObject()));
      } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
        throw new IllegalArgumentException("fault rule #" + i + ": " + e.getMessage(), e);
      }
    }
    return rules;
  }

  private static FaultRule parse(JsonObject json) {
    for (String key : json.keySet()) {
      if (!FIELDS.contains(key)) {
        throw new IllegalArgumentException("unknown field '" + key + "' (known: " + FIELDS + ")");
      }
    }
    String route =
        text(json, "route").orElseThrow(() -> new IllegalArgumentException("'route' is required"));
    Optional<ApiRoute> api = ApiRoute.byWireName(route).filter(ApiRoute::isCounted);
    if (!route.equals("*") && api.isEmpty()) {
      throw new IllegalArgumentException("unknown route '" + route + "'");
    }
    String actionName = text(json, "action").orElse(FaultAction.STATUS.wireName());
    FaultAction action =
        FaultAction.byWireName(actionName)
            .orElseThrow(() -> new IllegalArgumentException("unknown action '" + actionName + "'"));
    int times = (int) number(json, "times").orElse(1);
    if (times < 1) {
      throw new IllegalArgumentException("'times' must be at least 1");
    }
    OptionalLong statusValue = number(json, "status");
    Integer status = statusValue.isPresent() ? (int) statusValue.getAsLong() : null;
    if (status != null && action != FaultAction.PARTIAL && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("'status' must be an HTTP status, got " + status);
    }
    OptionalLong retryValue = number(json, "retryAfter");
    Long retryAfter = retryValue.isPresent() ? retryValue.getAsLong() : null;
    if (retryAfter != null && retryAfter < 0) {
      throw new IllegalArgumentException("'retryAfter' must not be negative");
    }
    long afterBytes = number(json, "afterBytes").orElse(0);
    if (afterBytes < 0) {
      throw new IllegalArgumentException("'afterBytes' must not be negative");
    }
    List<Integer> indexes = new ArrayList<>();
    if (json.has("itemIndexes") && !json.get("itemIndexes").isJsonNull()) {
      for (JsonElement e : json.getAsJsonArray("itemIndexes")) {
        int index = e.getAsInt();
        if (index < 0) {
          throw new IllegalArgumentException("'itemIndexes' must not be negative");
        }
        indexes.add(index);
      }
    }
    if (action == FaultAction.PARTIAL) {
      if (!route.equals(ApiRoute.PHOTOS_BATCH_CREATE.wireName())) {
        throw new IllegalArgumentException("action 'partial' needs route 'photos.batchCreate'");
      }
      if (indexes.isEmpty()) {
        throw new IllegalArgumentException("action 'partial' needs a non-empty 'itemIndexes'");
      }
    }
    if (action == FaultAction.DROP_SESSION
        && !route.equals(ApiRoute.DRIVE_UPLOAD.wireName())
        && !route.equals(ApiRoute.PHOTOS_UPLOAD.wireName())) {
      throw new IllegalArgumentException(
          "action 'dropSession' needs route 'drive.upload' or 'photos.upload'");
    }
    if (action == FaultAction.STORAGE_FULL
        && !route.equals(ApiRoute.PHOTOS_BATCH_CREATE.wireName())) {
      throw new IllegalArgumentException("action 'storageFull' needs route 'photos.batchCreate'");
    }
    if (action == FaultAction.WITHHOLD_SHA256
        && !route.equals(ApiRoute.DRIVE_FILES.wireName())
        && !route.equals(ApiRoute.DRIVE_UPLOAD.wireName())) {
      throw new IllegalArgumentException(
          "action 'withholdSha256' needs route 'drive.files' or 'drive.upload'");
    }
    if (action == FaultAction.DAILY_QUOTA
        && (api.isEmpty() || api.get().service() != app.wauploader.emulator.http.Service.PHOTOS)) {
      throw new IllegalArgumentException("action 'dailyQuota' needs a photos.* route");
    }
    String form = text(json, "form").orElse(null);
    if (form != null) {
      if (action != FaultAction.DAILY_QUOTA) {
        throw new IllegalArgumentException("'form' is only for action 'dailyQuota'");
      }
      if (!form.equals(ALTERNATE)
          && app.wauploader.emulator.http.GoogleErrors.DailyQuotaForm.byWireName(form).isEmpty()) {
        throw new IllegalArgumentException(
            "'form' must be allRequestsPerDay, apiCallsPerProjectPerDay or alternate");
      }
    }
    return new FaultRule(
        route,
        times,
        action,
        status,
        text(json, "reason").orElse(null),
        text(json, "message").orElse(null),
        retryAfter,
        afterBytes,
        indexes,
        form);
  }

  private static Optional<String> text(JsonObject json, String name) {
    JsonElement e = json.get(name);
    return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e.getAsString());
  }

  private static OptionalLong number(JsonObject json, String name) {
    JsonElement e = json.get(name);
    return e == null || e.isJsonNull() ? OptionalLong.empty() : OptionalLong.of(e.getAsLong());
  }

  /** True when the rule targets {@code api} ({@code *} targets every Drive and Photos route). */
  public boolean targets(ApiRoute api) {
    if (route.equals("*")) {
      return api.service().isGoogleApi();
    }
    return route.equals(api.wireName());
  }

  /** True for {@code reset}/{@code stall} rules that wait for body bytes before acting. */
  public boolean isByteTriggered() {
    return (action == FaultAction.RESET || action == FaultAction.STALL) && afterBytes > 0;
  }

  /** The rule as JSON, showing {@code remaining} as its times. */
  public JsonObject toJson(int remaining) {
    JsonObject json = new JsonObject();
    json.addProperty("route", route);
    json.addProperty("times", remaining);
    json.addProperty("action", action.wireName());
    if (status != null) {
      json.addProperty("status", status);
    }
    if (reason != null) {
      json.addProperty("reason", reason);
    }
    if (message != null) {
      json.addProperty("message", message);
    }
    if (retryAfter != null) {
      json.addProperty("retryAfter", retryAfter);
    }
    if (afterBytes > 0) {
      json.addProperty("afterBytes", afterBytes);
    }
    if (!itemIndexes.isEmpty()) {
      JsonArray indexes = new JsonArray();
      itemIndexes.forEach(indexes::add);
      json.add("itemIndexes", indexes);
    }
    if (form != null) {
      json.addProperty("form", form);
    }
    return json;
  }
}
