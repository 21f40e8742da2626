package app.wauploader.cli.auth;

import com.google.api.client.auth.oauth2.Credential;
import com.google.api.client.auth.oauth2.CredentialRefreshListener;
import com.google.api.client.auth.oauth2.TokenErrorResponse;
import com.google.api.client.auth.oauth2.TokenResponse;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The OAuth client and tokens in the config directory ({@code $XDG_CONFIG_HOME/wa-uploader}, mode
 * 0700): {@code client_secret.json} (the user's Desktop-app client, imported once) and {@code
 * credentials.json} (tokens), both 0600 and written atomically.
 */
public final class TokenStore {
  private static final Gson GSON = new Gson();

  private final Path dir;

  public TokenStore(Path configDir) {
    this.dir = configDir;
  }

  public Path credentialsFile() {
    return dir.resolve("credentials.json");
  }

  public Path clientSecretFile() {
    return dir.resolve("client_secret.json");
  }

  /** The stored tokens, if signed in. */
  public Optional<StoredTokens> load() throws IOException {
    try {
      String json = Files.readString(credentialsFile(), StandardCharsets.UTF_8);
      StoredTokens tokens = GSON.fromJson(json, StoredTokens.class);
      return Optional.ofNullable(tokens);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JsonParseException e) {
      throw new IOException(
          "credentials file "
              + credentialsFile()
              + " is damaged; run 'wa-uploader auth login' again");
    }
  }

  public void save(StoredTokens tokens) throws IOException {
    OwnerOnlyFiles.write(credentialsFile(), GSON.toJson(tokens).getBytes(StandardCharsets.UTF_8));
  }

  public boolean delete() throws IOException {
    return Files.deleteIfExists(credentialsFile());
  }

  /** Persists refreshed tokens (Google may rotate the refresh token too). */
  public CredentialRefreshListener refreshListener(String tokenUrl, String scope) {
    return new CredentialRefreshListener() {
      @Override
      public void onTokenResponse(Credential credential, TokenResponse response)
          throws IOException {
        save(
            new StoredTokens(
                tokenUrl,
                credential.getAccessToken(),
                credential.getRefreshToken(),
                credential.getExpirationTimeMilliseconds() == null
                    ? 0
                    : credential.getExpirationTimeMilliseconds(),
                response.getScope() != null ? response.getScope() : scope));
      }

      @Override
      public void onTokenErrorResponse(Credential credential, TokenErrorResponse error) {
        // The failed request then gets a 401, which the run reports as fatal with what to do.
      }
    };
  }
}
