package app.wauploader.emulator.faults;

import app.wauploader.emulator.http.ApiError;
import app.wauploader.emulator.http.ApiRequest;
import app.wauploader.emulator.http.ApiRoute;
import app.wauploader.emulator.http.ErrorReplies;
import app.wauploader.emulator.http.GoogleErrors;
import app.wauploader.emulator.http.Reply;
import app.wauploader.emulator.http.Router;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;

/**
 * {@code /__emulator/faults}: {@code POST} appends rules (a JSON array), {@code GET} lists the
 * rules with uses left, {@code DELETE} clears them. Also turns a chosen rule into what the
 * dispatcher does.
 */
public final class FaultsApi {
  private final FaultPlan plan;

  public FaultsApi(FaultPlan plan) {
    this.plan = plan;
  }

  /** Adds this API's routes to {@code router}. */
  public void register(Router router) {
    router.add(
        "GET", "/__emulator/faults", ApiRoute.EMULATOR, request -> Reply.json(200, plan.toJson()));
    router.add("POST", "/__emulator/faults", ApiRoute.EMULATOR, this::add);
    router.add(
        "DELETE",
        "/__emulator/faults",
        ApiRoute.EMULATOR,
        request -> {
          plan.clear();
          return Reply.json(200, plan.toJson());
        });
  }

  private Reply add(ApiRequest request) throws IOException {
    List<FaultRule> rules;
    try {
      rules = FaultRule.parseList(request.textBody());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    plan.add(rules);
    return Reply.json(200, plan.toJson());
  }

  /**
   * The error a {@code status} rule answers with: its status (default 503), reason, message and
   * {@code Retry-After}.
   */
  public static ApiError statusError(FaultRule rule) {
    int status = rule.status() == null ? 503 : rule.status();
    String message =
        rule.message() != null ? rule.message() : defaultMessage(status, rule.reason());
    ApiError error = ApiError.of(status, rule.reason(), message);
    if (rule.retryAfter() != null) {
      error = error.withHeader("Retry-After", Long.toString(rule.retryAfter()));
    }
    return error;
  }

  /**
   * The error of a set-up or quota rule ({@code serviceDisabled}, {@code insufficientScope}, {@code
   * dailyQuota}, {@code storageFull}) on {@code api}.
   *
   * @param use which use of the rule this is (1 for the first), for {@code form: alternate}
   */
  public static ApiError googleError(FaultRule rule, ApiRoute api, int use) {
    return switch (rule.action()) {
      case SERVICE_DISABLED -> GoogleErrors.serviceDisabled(api.service());
      case INSUFFICIENT_SCOPE ->
          api == ApiRoute.PHOTOS_UPLOAD && (rule.status() == null || rule.status() != 403)
              ? GoogleErrors.uploadSessionNotDefined()
              : GoogleErrors.insufficientScopes(api.service(), api.wireName());
      case DAILY_QUOTA -> GoogleErrors.dailyQuota(dailyQuotaForm(rule, use));
      case STORAGE_FULL -> GoogleErrors.storageFull();
      default -> throw new IllegalArgumentException("not a Google error rule: " + rule.action());
    };
  }

  private static GoogleErrors.DailyQuotaForm dailyQuotaForm(FaultRule rule, int use) {
    if (rule.form() != null && !rule.form().equals(FaultRule.ALTERNATE)) {
      return GoogleErrors.DailyQuotaForm.byWireName(rule.form()).orElseThrow();
    }
    return use % 2 == 1
        ? GoogleErrors.DailyQuotaForm.ALL_REQUESTS_PER_DAY
        : GoogleErrors.DailyQuotaForm.API_CALLS_PER_PROJECT_PER_DAY;
  }

  /** The per-item failures of a {@code partial} rule. */
  public static InjectedItemFailures itemFailures(FaultRule rule) {
    int code;
    if (rule.status() == null) {
      code = 13;
    } else if (rule.status() < 100) {
      code = rule.status();
    } else {
      code = ErrorReplies.rpcCode(rule.status());
    }
    String message =
        rule.message() != null
            ? rule.message()
            : "Failed: There was an error while trying to create this media item.";
    return new InjectedItemFailures(new HashSet<>(rule.itemIndexes()), code, message);
  }

  private static String defaultMessage(int status, String reason) {
    if (reason != null) {
      switch (reason) {
        case "rateLimitExceeded":
          return "Rate Limit Exceeded";
        case "userRateLimitExceeded":
          return "User Rate Limit Exceeded";
        case "storageQuotaExceeded":
          return "The user's Drive storage quota has been exceeded.";
        case "backendError":
          return "Backend Error";
        default:
          break;
      }
    }
    return switch (status) {
      case 429 -> "Resource has been exhausted (e.g. check quota).";
      case 500 -> "Internal error encountered.";
      case 503 -> "The service is currently unavailable.";
      default -> "Injected fault: HTTP " + status;
    };
  }
}
