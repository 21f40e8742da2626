package app.wauploader.emulator.faults;

import java.util.Arrays;
import java.util.Optional;

/** What a fault rule does to a matching request. */
public enum FaultAction {
  /** Answer with the rule's HTTP status and the service's error body (the default). */
  STATUS("status"),
  /** After {@code afterBytes} body bytes, close the connection without an answer. */
  RESET("reset"),
  /** After {@code afterBytes} body bytes, stop reading and never answer (until shutdown). */
  STALL("stall"),
  /** Forget the upload session the request addresses, then answer 404 as for an unknown one. */
  DROP_SESSION("dropSession"),
  /** batchCreate only: fail the items at {@code itemIndexes}, let the others succeed. */
  PARTIAL("partial"),
  /**
   * Answer as for an API not enabled in the project: 403 {@code SERVICE_DISABLED} (Drive: {@code
   * accessNotConfigured}); see {@link app.wauploader.emulator.http.GoogleErrors#serviceDisabled}.
   */
  SERVICE_DISABLED("serviceDisabled"),
  /**
   * Answer as for a token without the needed scope: 403 {@code ACCESS_TOKEN_SCOPE_INSUFFICIENT}; on
   * {@code photos.upload} the 401 "Authentication session is not defined." unless {@code status} is
   * 403.
   */
  INSUFFICIENT_SCOPE("insufficientScope"),
  /**
   * Photos routes: 429 daily quota with {@code google.rpc.ErrorInfo}; {@code form} picks the
   * message ({@code allRequestsPerDay}, {@code apiCallsPerProjectPerDay}, or {@code alternate}, the
   * default: each use takes the other form, starting with {@code allRequestsPerDay}).
   */
  DAILY_QUOTA("dailyQuota"),
  /** batchCreate only: whole-call 400 "The remaining storage in the user's account is not …". */
  STORAGE_FULL("storageFull"),
  /**
   * Drive routes: answer normally but without {@code sha256Checksum} (and {@code sha1Checksum}), as
   * Drive does for files it has no such hash for: they are populated only "if available"
   * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files#File,
   * https://github.com/rclone/rclone/pull/7328, https://github.com/rclone/rclone/issues/8996).
   */
  WITHHOLD_SHA256("withholdSha256"),
  /**
   * Handle the request as usual (an upload is stored, a file created), then close the connection
   * without the answer: the mobile network lost after Google did the work. A client that sends
   * again without looking makes a second copy (Drive's multipart upload is not idempotent:
   * https://developers.google.com/workspace/drive/api/guides/manage-uploads#multipart has no
   * idempotency key; Google's advice for lost answers is to check what was created,
   * https://developers.google.com/workspace/drive/api/guides/handle-errors).
   */
  LOSE_ANSWER("loseAnswer");

  private final String wireName;

  FaultAction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<FaultAction> byWireName(String name) {
    return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
  }
}
