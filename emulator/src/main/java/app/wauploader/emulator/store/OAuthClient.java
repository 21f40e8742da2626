package app.wauploader.emulator.store;

/**
 * An OAuth client registered through {@code POST /__emulator/clients}.
 *
 * @param clientId client id
 * @param clientSecret client secret; null when the client has none
 */
public record OAuthClient(String clientId, String clientSecret) {}
