package app.wauploader.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.domain.FailureReason;
import org.junit.jupiter.api.Test;

/**
 * Google's real failure answers (bodies as Google sends them, from
 * shared/design/GOOGLE-PROTOCOLS.md and the issue threads it cites) are each classified into the
 * reason that acts right on them.
 */
class GoogleAnswersTest {
  private static FailureReason classify(int status, String body) {
    return Failures.fromResponse(status, body, null, "test").reason();
  }

  @Test
  void photosStorageFullIsAWholeCall400() {
    assertThat(
            classify(
                400,
                "{\"error\":{\"code\":400,\"message\":\"The remaining storage in the user's account"
                    + " is not enough to perform this operation.\",\"status\":\"INVALID_ARGUMENT\"}}"))
        .isEqualTo(FailureReason.STORAGE_FULL);
  }

  @Test
  void anInvalidUploadTokenIsARefusedReceipt() {
    assertThat(
            classify(
                400,
                "{\"error\":{\"code\":400,\"message\":\"Request must contain a valid upload"
                    + " token.\",\"status\":\"INVALID_ARGUMENT\"}}"))
        .isEqualTo(FailureReason.RECEIPT_EXPIRED);
  }

  @Test
  void apiNotEnabledIsASetUpError() {
    assertThat(
            classify(
                403,
                "{\"error\":{\"code\":403,\"message\":\"Photos Library API has not been used in"
                    + " project 123 before or it is disabled. Enable it by visiting …\","
                    + "\"status\":\"PERMISSION_DENIED\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"SERVICE_DISABLED\","
                    + "\"domain\":\"googleapis.com\",\"metadata\":{\"service\":"
                    + "\"photoslibrary.googleapis.com\"}}]}}"))
        .isEqualTo(FailureReason.API_DISABLED);
    assertThat(
            classify(
                403,
                "{\"error\":{\"errors\":[{\"domain\":\"usageLimits\",\"reason\":"
                    + "\"accessNotConfigured\",\"message\":\"Access Not Configured.\"}],"
                    + "\"code\":403,\"message\":\"Access Not Configured. Drive API has not been used"
                    + " in project 123 before or it is disabled.\"}}"))
        .isEqualTo(FailureReason.API_DISABLED);
  }

  @Test
  void aPermissionNotGrantedIsASetUpErrorNotSignInAgain() {
    assertThat(
            classify(
                403,
                "{\"error\":{\"code\":403,\"message\":\"Request had insufficient authentication"
                    + " scopes.\",\"status\":\"PERMISSION_DENIED\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":"
                    + "\"ACCESS_TOKEN_SCOPE_INSUFFICIENT\"}]}}"))
        .isEqualTo(FailureReason.SCOPE_MISSING);
    assertThat(
            classify(
                401,
                "{\"error\":{\"code\":401,\"message\":\"Authentication session is not defined.\","
                    + "\"status\":\"UNAUTHENTICATED\"}}"))
        .isEqualTo(FailureReason.SCOPE_MISSING);
    assertThat(classify(401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}"))
        .isEqualTo(FailureReason.UNAUTHORIZED);
  }

  @Test
  void theDailyQuotaInEveryFormGoogleUses() {
    assertThat(
            classify(
                429,
                "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota metric 'All"
                    + " requests' and limit 'All requests per day' of service"
                    + " 'photoslibrary.googleapis.com'\",\"status\":\"RESOURCE_EXHAUSTED\"}}"))
        .isEqualTo(FailureReason.DAILY_QUOTA);
    assertThat(
            classify(
                429,
                "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota group"
                    + " 'ApiCallsPerProjectPerDay'\",\"status\":\"RESOURCE_EXHAUSTED\"}}"))
        .isEqualTo(FailureReason.DAILY_QUOTA);
    assertThat(
            classify(
                429,
                "{\"error\":{\"code\":429,\"message\":\"Quota exceeded.\",\"status\":"
                    + "\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":"
                    + "\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":"
                    + "\"RATE_LIMIT_EXCEEDED\",\"metadata\":{\"quota_limit\":"
                    + "\"ApiCallsPerProjectPerDay\",\"quota_metric\":"
                    + "\"photoslibrary.googleapis.com/all_requests\"}}]}}"))
        .isEqualTo(FailureReason.DAILY_QUOTA);
    assertThat(
            classify(
                429,
                "{\"error\":{\"code\":429,\"message\":\"Quota exceeded for quota metric 'Write"
                    + " requests' and limit 'Write requests per minute per user'\"}}"))
        .as("per-minute limits are only rate limits")
        .isEqualTo(FailureReason.RATE_LIMITED);
  }
}
