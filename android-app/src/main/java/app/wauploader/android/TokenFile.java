package app.wauploader.android;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The sign-in's tokens in the app's private storage: {@code files/auth/google-tokens.json}, the
 * folder 0700 and the file 0600, written whole to a temporary file, synced and renamed over the old
 * one, so a crash leaves the old tokens or the new ones, never half of either. Never logged: {@link
 * Tokens#toString()} hides the values.
 */
final class TokenFile {
  private final Path file;

  TokenFile(Path authDir) {
    this.file = authDir.resolve("google-tokens.json");
  }

  /**
   * @param refreshToken long-lived, renews access tokens
   * @param accessToken short-lived bearer token
   * @param expiresAtMs when {@code accessToken} expires, epoch ms
   * @param tokenUrl the token endpoint that issued them (tokens are never sent elsewhere)
   * @param scope the granted scopes, space-separated
   */
  record Tokens(
      String refreshToken, String accessToken, long expiresAtMs, String tokenUrl, String scope) {
    @Override
    public String toString() {
      return "Tokens[for " + tokenUrl + ", scope " + scope + "]";
    }
  }

  Path file() {
    return file;
  }

  Optional<Tokens> load() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    JsonObject o =
        JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8)).getAsJsonObject();
    return Optional.of(
        new Tokens(
            o.get("refresh_token").getAsString(),
            o.get("access_token").getAsString(),
            o.get("expires_at_ms").getAsLong(),
            o.get("token_url").getAsString(),
            o.has("scope") ? o.get("scope").getAsString() : ""));
  }

  void save(Tokens tokens) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("refresh_token", tokens.refreshToken());
    o.addProperty("access_token", tokens.accessToken());
    o.addProperty("expires_at_ms", tokens.expiresAtMs());
    o.addProperty("token_url", tokens.tokenUrl());
    o.addProperty("scope", tokens.scope());
    Path dir = file.getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path tmp =
        Files.createTempFile(
            dir,
            ".tokens-",
            ".partial",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(o.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  boolean delete() throws IOException {
    return Files.deleteIfExists(file);
  }
}
