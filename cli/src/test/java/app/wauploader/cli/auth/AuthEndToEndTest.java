package app.wauploader.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.wauploader.cli.CliProcess;
import app.wauploader.cli.ExitCode;
import app.wauploader.emulator.EmulatorConfig;
import app.wauploader.emulator.EmulatorInspector;
import app.wauploader.emulator.GoogleEmulator;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes, as a user runs them: {@code auth login} with a browser command against an
 * emulator that requires auth, then {@code upload}; short-lived access tokens are refreshed;
 * revocation mid-run stops cleanly and the run resumes after a new login; no token value ever
 * appears in any output, the database, the error rows or the run logs (the last at -vv).
 */
class AuthEndToEndTest {
  @TempDir Path dir;

  @Test
  void loginUploadRefreshRevokeAndResumeWithoutLeakingTokens() throws Exception {
    Path media = dir.resolve("Media");
    Path docs = Files.createDirectories(media.resolve("WhatsApp Documents"));
    for (int i = 0; i < 4; i++) {
      byte[] bytes = new byte[700 * 1024];
      new Random(i).nextBytes(bytes);
      Files.write(docs.resolve("DOC-2024010" + i + "-WA000" + i + ".bin"), bytes);
    }
    Path client =
        Files.writeString(dir.resolve("client_secret.json"), GoogleSignInTest.CLIENT_JSON);
    Path db = dir.resolve("data/wa.db");
    List<String> outputs = new ArrayList<>();

    try (GoogleEmulator emulator =
        GoogleEmulator.start(
            EmulatorConfig.defaults(dir.resolve("emulator"))
                .withRequireAuth(true)
                .withTokenTtl(2)
                .withBandwidth(400 * 1024))) {
      String endpoint = emulator.baseUri().toString();

      Run login =
          run(
              outputs,
              "auth",
              "login",
              "--endpoint",
              endpoint,
              "--client-secret",
              client.toString(),
              "--browser-command",
              "curl -s -L -o /dev/null",
              "--timeout",
              "30");
      assertThat(login.exitCode()).as(login.output()).isZero();
      assertThat(login.output()).contains("signed in");
      Path credentials = dir.resolve("config/wa-uploader/credentials.json");
      String firstTokens = Files.readString(credentials);

      Run status = run(outputs, "auth", "status", "--endpoint", endpoint);
      assertThat(status.exitCode()).isZero();
      assertThat(status.output())
          .contains("signed in as emulated.user@example.com")
          .contains("drive.file");

      // Revoke every token while the (throttled, ~7 s) upload is running.
      Process upload =
          CliProcess.upload(
              dir, media, emulator.baseUri(), db, "--chunk-size", "0.25", "--transfers", "1");
      EmulatorInspector inspector = new EmulatorInspector(emulator.baseUri());
      assertThat(CliProcess.awaitBytes(upload, inspector, 600 * 1024, Duration.ofSeconds(60)))
          .isTrue();
      inspector.revokeAllTokens();
      assertThat(upload.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String revokedOutput =
          new String(upload.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      outputs.add(revokedOutput);
      assertThat(upload.exitValue()).as(revokedOutput).isEqualTo(ExitCode.NOT_SIGNED_IN.code());
      assertThat(revokedOutput).contains("auth login").contains("7 days");
      assertThat(integrityCheck(db)).isEqualTo("ok");

      Run relogin =
          run(
              outputs,
              "auth",
              "login",
              "--endpoint",
              endpoint,
              "--browser-command",
              "curl -s -L -o /dev/null",
              "--timeout",
              "30");
      assertThat(relogin.exitCode()).as(relogin.output()).isZero();
      Run resumed =
          run(
              outputs,
              "upload",
              "--source",
              media.toString(),
              "--endpoint",
              endpoint,
              "--db",
              db.toString(),
              "--chunk-size",
              "0.25",
              "--transfers",
              "1",
              "--no-progress",
              "-vv");
      assertThat(resumed.exitCode()).as(resumed.output()).isZero();
      assertThat(inspector.items()).hasSize(4);
      int tokenCalls = inspector.requests("oauth.token");
      assertThat(tokenCalls)
          .as("the ~5 s upload with 2 s tokens must refresh")
          .isGreaterThanOrEqualTo(4);
      String refreshedTokens = Files.readString(credentials);
      assertThat(refreshedTokens).isNotEqualTo(firstTokens);

      List<String> secrets = new ArrayList<>();
      for (String json : List.of(firstTokens, refreshedTokens)) {
        JsonObject t = JsonParser.parseString(json).getAsJsonObject();
        secrets.add(t.get("accessToken").getAsString());
        secrets.add(t.get("refreshToken").getAsString());
      }
      secrets.add("GOCSPX-test-secret");
      // The per-run logs of the uploads (the resumed one at -vv) are checked too.
      Path logs = dir.resolve("state/wa-uploader/logs");
      StringBuilder logText = new StringBuilder();
      try (var files = Files.list(logs)) {
        for (Path log : (Iterable<Path>) files::iterator) {
          logText.append(Files.readString(log));
        }
      }
      assertThat(logText).as("the run logs were read").contains("uploaded").contains("DEBUG");
      String everything = String.join("\n", outputs) + dumpDatabase(db) + logText;
      for (String secret : secrets) {
        assertThat(everything).doesNotContain(secret);
      }
      assertThat(dumpDatabase(db)).contains("DOC-2024010"); // the dump did read the rows
    }
  }

  private record Run(int exitCode, String output) {}

  private Run run(List<String> outputs, String... args) throws Exception {
    Process p = CliProcess.start(dir, args);
    String output = CliProcess.finish(p, 120);
    outputs.add(output);
    return new Run(p.exitValue(), output);
  }

  private static String integrityCheck(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Every row of every table, as text. */
  private static String dumpDatabase(Path db) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      List<String> tables = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              out.append(rs.getString(i)).append('|');
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }
}
