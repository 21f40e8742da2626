package app.wauploader.core.upload;

import app.wauploader.core.app.BackupEnvironment;
import app.wauploader.core.app.Backups;
import app.wauploader.core.auth.AccessTokens;
import app.wauploader.core.google.GoogleEndpoints;
import app.wauploader.core.source.LocalFileSource;
import app.wauploader.core.source.MediaSource;
import app.wauploader.core.target.Target;
import app.wauploader.domain.Service;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs backups the way front ends do: through the {@link Backups} facade. */
final class TestRuns {
  private TestRuns() {}

  /** An environment over {@code db} whose runs use {@code targets}. */
  static BackupEnvironment env(Path db, BackupEnvironment.Targets targets, Clock clock) {
    return BackupEnvironment.google(
            db,
            AccessTokens.NONE,
            GoogleEndpoints.at(URI.create("http://127.0.0.1:1")),
            LockOwner.create(
                "test", ProcessHandle.current().pid(), pid -> ProcessHandle.of(pid).isEmpty()))
        .withTargets(targets)
        .withClock(clock);
  }

  /** An environment over {@code db} whose runs go to {@code emulator} through the real clients. */
  static BackupEnvironment google(Path db, app.wauploader.core.target.EmulatorFixture emulator) {
    return BackupEnvironment.google(
            db,
            AccessTokens.NONE,
            GoogleEndpoints.at(emulator.baseUri()),
            LockOwner.create(
                "test", ProcessHandle.current().pid(), pid -> ProcessHandle.of(pid).isEmpty()))
        .withClock(Clock.systemUTC());
  }

  /** Backs up {@code roots} to fixed targets. */
  static RunSummary backup(
      Path db, Map<Service, Target> targets, UploadOptions options, Path... roots)
      throws Exception {
    return backup(env(db, (d, h) -> targets, Clock.systemUTC()), options, roots);
  }

  /** Backs up {@code roots} in {@code env}. */
  static RunSummary backup(BackupEnvironment env, UploadOptions options, Path... roots)
      throws Exception {
    List<MediaSource> sources = List.of(new LocalFileSource(List.of(roots)));
    return new Backups(env).backup(sources, options, RunControl.create(), RunListener.NONE);
  }

  /** Resumes open work with fixed targets. */
  static RunSummary resume(Path db, Map<Service, Target> targets, UploadOptions options)
      throws Exception {
    return new Backups(env(db, (d, h) -> targets, Clock.systemUTC()))
        .resume(Optional.empty(), 0, options, RunControl.create(), RunListener.NONE);
  }
}
