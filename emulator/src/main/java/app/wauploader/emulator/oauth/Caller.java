package app.wauploader.emulator.oauth;

/**
 * Who makes a Drive or Photos request under {@code requireAuth}: the OAuth client its access token
 * was issued to. Attached to the request; absent without {@code requireAuth}.
 *
 * @param clientId the OAuth client id
 * @param scope granted scopes, space separated
 */
public record Caller(String clientId, String scope) {}
