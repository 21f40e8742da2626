package app.wauploader.core.app;

import app.wauploader.core.auth.GoogleScopes;
import app.wauploader.core.auth.SignInRequiredException;
import app.wauploader.core.check.CheckResult;
import app.wauploader.core.check.ClockCheck;
import app.wauploader.core.check.GoogleAnswer;
import app.wauploader.core.check.SetupAnswers;
import app.wauploader.core.check.SetupProblem;
import app.wauploader.core.check.SignInState;
import app.wauploader.core.check.StorageCheck;
import app.wauploader.core.check.TestUpload;
import app.wauploader.core.google.GoogleHttp;
import app.wauploader.core.retry.Failures;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.Target;
import app.wauploader.db.Database;
import app.wauploader.db.DatabaseException;
import app.wauploader.db.migration.Migrations;
import app.wauploader.domain.Service;
import com.google.api.client.http.GenericUrl;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the set-up end to end, for the front ends' {@code doctor}: the sign-in (renewed once, so a
 * refused refresh token shows now), the granted scopes against {@link GoogleScopes#ALL}, both APIs
 * enabled and reachable, a tiny upload to each service through the real targets (into the album
 * {@value #CHECK_ALBUM} and the folder {@value #CHECK_FOLDER}, whose ids the database remembers so
 * every later check reuses them), the clock against Google's, and the free storage when Google
 * reports it. One {@link CheckResult} per check, in a fixed order; a check that cannot run because
 * an earlier one failed is skipped.
 *
 * <p>Calls: Drive {@code about.get} with {@code fields=user(emailAddress),storageQuota}
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/about: {@code
 * storageQuota.limit} is absent when the storage is unlimited, {@code usage} is in bytes); Photos
 * {@code albums.list} with {@code pageSize=1}
 * (https://developers.google.com/photos/library/reference/rest/v1/albums/list), which answers only
 * albums this app created and works with {@code photoslibrary.readonly.appcreateddata}.
 */
public final class Doctor {
  /** The Photos album test uploads go to. */
  public static final String CHECK_ALBUM = "wa-uploader check";

  /** The Drive folder test uploads go to (and are deleted from again). */
  public static final String CHECK_FOLDER = "WhatsApp/wa-uploader check";

  private static final Map<String, Service> SCOPE_SERVICE =
      Map.of(
          GoogleScopes.DRIVE_FILE, Service.DRIVE,
          GoogleScopes.DRIVE_APPDATA, Service.DRIVE,
          GoogleScopes.PHOTOS_APPEND, Service.PHOTOS,
          GoogleScopes.PHOTOS_READ_APP, Service.PHOTOS);

  private final BackupEnvironment env;

  public Doctor(BackupEnvironment env) {
    this.env = env;
  }

  /**
   * Runs every check. Never throws for what it checks: every problem is a failed {@link
   * CheckResult}.
   *
   * @param signIn what the front end knows of the sign-in; with {@link SignInState.SignedIn} the
   *     environment's tokens are that sign-in's
   * @throws InterruptedException if this thread is interrupted
   */
  public List<CheckResult> check(SignInState signIn) throws InterruptedException {
    List<CheckResult> results = new ArrayList<>();
    boolean canCall = signInChecks(signIn, results);
    if (!canCall) {
      for (String name :
          List.of("drive api", "photos api", "drive upload", "photos upload", "clock", "storage")) {
        results.add(CheckResult.skip(name, serviceOf(name), "needs a working sign-in"));
      }
      return results;
    }
    GoogleHttp http = GoogleHttp.create(env.tokens(), env.endpoints());
    GenericUrl about = new GenericUrl(env.endpoints().driveRootUrl() + "drive/v3/about");
    about.set("fields", "user(emailAddress),storageQuota");
    Probe drive = probe(http, about, Service.DRIVE, "Drive API");
    // The local time an answer came back is what its Date is compared with, not the time the
    // checks end (the test uploads take a while).
    Instant driveLocal = env.clock().instant();
    results.add(drive.result("drive api", answer -> "reachable" + account(answer.body())));

    GenericUrl albums = new GenericUrl(env.endpoints().photosRootUrl() + "v1/albums");
    albums.set("pageSize", 1);
    Probe photos = probe(http, albums, Service.PHOTOS, "Photos Library API");
    Instant photosLocal = env.clock().instant();
    results.add(photos.result("photos api", answer -> "reachable"));

    uploads(http, drive.answered(), photos.answered(), results);
    results.add(
        drive.date().isPresent()
            ? ClockCheck.of(drive.date(), driveLocal)
            : ClockCheck.of(photos.date(), photosLocal));
    results.add(StorageCheck.of(drive.answered() ? Optional.of(drive.answer()) : Optional.empty()));
    return results;
  }

  /** Adds the sign-in and scope lines; true when Google can be called. */
  private boolean signInChecks(SignInState signIn, List<CheckResult> results) {
    if (signIn instanceof SignInState.NotRequired) {
      String where = env.endpoints().driveRootUrl();
      results.add(
          CheckResult.skip(
              "sign-in", Optional.empty(), "not required: " + where + " takes calls without one"));
      results.add(CheckResult.skip("scopes", Optional.empty(), "not required without a sign-in"));
      return true;
    }
    if (signIn instanceof SignInState.Missing missing) {
      results.add(
          CheckResult.fail("sign-in", Optional.empty(), SetupProblem.SIGN_IN, missing.why()));
      results.add(CheckResult.skip("scopes", Optional.empty(), "needs a sign-in"));
      return false;
    }
    Set<String> granted = ((SignInState.SignedIn) signIn).grantedScopes();
    try {
      if (!env.tokens().refresh()) {
        results.add(
            CheckResult.fail(
                "sign-in",
                Optional.empty(),
                SetupProblem.SIGN_IN,
                "the stored sign-in cannot be renewed"));
        results.add(CheckResult.skip("scopes", Optional.empty(), "needs a working sign-in"));
        return false;
      }
      results.add(
          CheckResult.ok(
              "sign-in", Optional.empty(), "signed in; Google renewed the access token"));
    } catch (SignInRequiredException e) {
      results.add(
          CheckResult.fail(
              "sign-in", Optional.empty(), SetupProblem.SIGN_IN, Failures.oneLine(e.getMessage())));
      results.add(CheckResult.skip("scopes", Optional.empty(), "needs a working sign-in"));
      return false;
    } catch (IOException e) {
      results.add(
          CheckResult.fail(
              "sign-in",
              Optional.empty(),
              SetupProblem.UNREACHABLE,
              "Google's token service could not be reached (" + describe(e) + ")"));
      results.add(CheckResult.skip("scopes", Optional.empty(), "needs a working sign-in"));
      return false;
    }
    results.add(scopes(granted));
    return true;
  }

  private static CheckResult scopes(Set<String> granted) {
    if (granted.isEmpty()) {
      return CheckResult.warn(
          "scopes", Optional.empty(), "Google did not say which scopes were granted");
    }
    Set<String> missing = new LinkedHashSet<>();
    Set<Service> services = new LinkedHashSet<>();
    for (String scope : GoogleScopes.ALL) {
      if (!granted.contains(scope)) {
        missing.add(shortName(scope));
        services.add(SCOPE_SERVICE.get(scope));
      }
    }
    if (missing.isEmpty()) {
      List<String> names = new ArrayList<>();
      GoogleScopes.ALL.forEach(s -> names.add(shortName(s)));
      return CheckResult.ok("scopes", Optional.empty(), "granted " + String.join(", ", names));
    }
    return CheckResult.fail(
        "scopes",
        services.size() == 1 ? Optional.of(services.iterator().next()) : Optional.empty(),
        SetupProblem.MISSING_SCOPES,
        "not granted: " + String.join(", ", missing));
  }

  /** {@code photoslibrary.appendonly} for its URL. */
  public static String shortName(String scope) {
    return scope.substring(scope.lastIndexOf('/') + 1);
  }

  private void uploads(
      GoogleHttp http, boolean driveWorks, boolean photosWorks, List<CheckResult> results)
      throws InterruptedException {
    if (!driveWorks && !photosWorks) {
      results.add(CheckResult.skip("drive upload", Optional.of(Service.DRIVE), "needs the API"));
      results.add(CheckResult.skip("photos upload", Optional.of(Service.PHOTOS), "needs the API"));
      return;
    }
    Database db;
    try {
      db = Database.open(env.database(), Migrations.all(), env.clock());
    } catch (DatabaseException e) {
      String detail = "the database " + env.database() + " cannot be opened (" + describe(e) + ")";
      results.add(
          CheckResult.fail(
              "drive upload", Optional.of(Service.DRIVE), SetupProblem.DATABASE, detail));
      results.add(
          CheckResult.fail(
              "photos upload", Optional.of(Service.PHOTOS), SetupProblem.DATABASE, detail));
      return;
    }
    try (db) {
      Map<Service, Target> targets = env.targets().create(db, http);
      long now = env.clock().millis();
      results.add(
          driveWorks
              ? upload(
                  "drive upload",
                  Service.DRIVE,
                  () -> TestUpload.text(targets.get(Service.DRIVE), CHECK_FOLDER, now),
                  "folder " + CHECK_FOLDER)
              : CheckResult.skip(
                  "drive upload", Optional.of(Service.DRIVE), "needs the Drive API"));
      results.add(
          photosWorks
              ? upload(
                  "photos upload",
                  Service.PHOTOS,
                  () -> TestUpload.photo(targets.get(Service.PHOTOS), CHECK_ALBUM, now),
                  "album '" + CHECK_ALBUM + "'")
              : CheckResult.skip(
                  "photos upload", Optional.of(Service.PHOTOS), "needs the Photos Library API"));
    }
  }

  @FunctionalInterface
  private interface Upload {
    TestUpload.Uploaded run() throws TargetException, InterruptedException;
  }

  private static CheckResult upload(String name, Service service, Upload upload, String where)
      throws InterruptedException {
    try {
      TestUpload.Uploaded done = upload.run();
      return CheckResult.ok(
          name,
          Optional.of(service),
          "sent "
              + done.bytes()
              + " bytes into "
              + where
              + (done.deleted()
                  ? " and deleted the file again"
                  : " (Photos cannot delete it through the API; remove it in the app if you like)"));
    } catch (TargetException e) {
      SetupProblem problem = SetupAnswers.classify(e);
      String detail = Failures.oneLine(e.getMessage());
      if (problem == SetupProblem.SIGN_IN && e.httpStatus() == 401) {
        // The sign-in worked a moment ago (renewed, or not required) and this API answered a read:
        // a 401 on the upload itself is Photos' answer to a token without the upload scope
        // ("Authentication session is not defined.", f2calv/CasCap.Api.GooglePhotos#200), whose
        // body the JDK's HttpURLConnection may not hand over for a refused POST.
        problem = SetupProblem.MISSING_SCOPES;
        detail += "; right after a working sign-in this means a scope was not granted";
      }
      return CheckResult.fail(name, Optional.of(service), problem, detail);
    } catch (DatabaseException e) {
      return CheckResult.fail(
          name,
          Optional.of(service),
          SetupProblem.DATABASE,
          "the database could not record the " + where + " (" + describe(e) + ")");
    }
  }

  private static String account(String body) {
    try {
      JsonObject user = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("user");
      return user != null && user.has("emailAddress")
          ? "; account " + user.get("emailAddress").getAsString()
          : "";
    } catch (RuntimeException notJson) {
      return "";
    }
  }

  /** One read-only call's answer, or why none came. */
  private record Probe(
      Service service, String api, Optional<GoogleAnswer> reply, Optional<CheckResult> failed) {
    boolean answered() {
      return reply.isPresent() && reply.get().isSuccess();
    }

    GoogleAnswer answer() {
      return reply.orElseThrow();
    }

    Optional<Instant> date() {
      return reply.flatMap(GoogleAnswer::date);
    }

    CheckResult result(String name, java.util.function.Function<GoogleAnswer, String> detail) {
      if (failed.isPresent()) {
        return failed.get();
      }
      GoogleAnswer a = reply.orElseThrow();
      if (a.isSuccess()) {
        return CheckResult.ok(name, Optional.of(service), detail.apply(a));
      }
      String message = SetupAnswers.message(a.body());
      return CheckResult.fail(
          name,
          Optional.of(service),
          SetupAnswers.classify(a.status(), a.body()),
          api
              + " answered HTTP "
              + a.status()
              + (message.isEmpty() ? "" : ": " + Failures.oneLine(message)));
    }
  }

  private static Probe probe(GoogleHttp http, GenericUrl url, Service service, String api) {
    String name = service == Service.DRIVE ? "drive api" : "photos api";
    try {
      return new Probe(service, api, Optional.of(GoogleAnswer.get(http, url)), Optional.empty());
    } catch (SignInRequiredException e) {
      return new Probe(
          service,
          api,
          Optional.empty(),
          Optional.of(
              CheckResult.fail(
                  name,
                  Optional.of(service),
                  SetupProblem.SIGN_IN,
                  Failures.oneLine(e.getMessage()))));
    } catch (IOException e) {
      return new Probe(
          service,
          api,
          Optional.empty(),
          Optional.of(
              CheckResult.fail(
                  name,
                  Optional.of(service),
                  SetupProblem.UNREACHABLE,
                  api + " at " + url.getHost() + " could not be reached (" + describe(e) + ")")));
    }
  }

  private static Optional<Service> serviceOf(String check) {
    if (check.startsWith("drive") || check.equals("storage")) {
      return Optional.of(Service.DRIVE);
    }
    return check.startsWith("photos") ? Optional.of(Service.PHOTOS) : Optional.empty();
  }

  private static String describe(Exception e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + Failures.oneLine(e.getMessage());
  }
}
