package app.wauploader.core.upload;

import app.wauploader.core.plan.Router;
import app.wauploader.core.retry.RetryPolicy;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.CommitResult;
import app.wauploader.core.target.LinkRequest;
import app.wauploader.core.target.RemoteNames;
import app.wauploader.core.target.Target;
import app.wauploader.db.ChatPlacement;
import app.wauploader.db.Database;
import app.wauploader.domain.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files content that is in Google in each of its chats' albums and folders, sending no bytes: the
 * same photo sent in two chats is uploaded once (into the first chat's album) and added to the
 * second's ({@link Target#link}: Photos {@code albums.batchAddMediaItems}, a Drive shortcut); media
 * uploaded before their chat was imported are filed when it is. Runs after a run's commits; what
 * could not be filed stays open ({@code content_chats.placed_at} NULL) and is tried by the next
 * run. A failure is an error row and a failed file of the run, so the run is not reported complete.
 */
final class ChatFiling {
  private final Database db;
  private final Map<Service, Target> targets;
  private final RetryPolicy retry;
  private final RunControl control;
  private final FailurePolicy failures;
  private final RunStatistics stats;
  private final Optional<String> only;

  /**
   * @param only file only this chat's content (a {@code --chat} run), or every chat's
   */
  ChatFiling(
      Database db,
      Map<Service, Target> targets,
      RetryPolicy retry,
      RunControl control,
      FailurePolicy failures,
      RunStatistics stats,
      Optional<String> only) {
    this.db = db;
    this.targets = targets;
    this.retry = retry;
    this.control = control;
    this.failures = failures;
    this.stats = stats;
    this.only = only;
  }

  private record Group(Service service, String container) {}

  /** Files everything not yet filed, in batches per chat and service, until the run stops. */
  void fileAll() {
    Map<Group, List<ChatPlacement>> groups = new LinkedHashMap<>();
    for (ChatPlacement p : db.read(tx -> tx.contentChats().unplaced(only))) {
      groups
          .computeIfAbsent(
              new Group(p.service(), Router.chatContainer(p.service(), p.chatName())),
              k -> new ArrayList<>())
          .add(p);
    }
    groups.forEach(this::file);
  }

  private void file(Group group, List<ChatPlacement> placements) {
    Target target = targets.get(group.service());
    if (target == null) {
      return;
    }
    int batch = target.traits().maxLinkBatch();
    for (int from = 0; from < placements.size(); from += batch) {
      if (control.isStopping() || failures.pauseOf(group.service()).isPresent()) {
        return;
      }
      List<ChatPlacement> part =
          placements.subList(from, Math.min(placements.size(), from + batch));
      List<LinkRequest> requests = new ArrayList<>(part.size());
      for (int i = 0; i < part.size(); i++) {
        ChatPlacement p = part.get(i);
        requests.add(new LinkRequest(i, p.remoteId(), RemoteNames.safe(p.fileName()), p.sha256()));
      }
      List<CommitResult> results;
      try {
        results =
            retry.run(
                attempt -> target.link(group.container(), requests),
                (failed, delay, failure) ->
                    stats.retrying(group.container(), failure.getMessage(), delay.toMillis()),
                control::isStopping);
      } catch (TargetException e) {
        part.forEach(p -> failed(group, p, e));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      db.useTransaction(
          tx -> {
            for (int i = 0; i < part.size(); i++) {
              ChatPlacement p = part.get(i);
              Optional<String> id = results.get(i).remoteId();
              if (id.isPresent()) {
                tx.contentChats().placed(p.sha256(), p.chatId(), id.get());
              }
            }
          });
      for (int i = 0; i < part.size(); i++) {
        if (results.get(i).failure().isPresent()) {
          failed(group, part.get(i), results.get(i).failure().get());
        }
      }
      stats.filed(
          group.container(), (int) results.stream().filter(r -> r.remoteId().isPresent()).count());
    }
  }

  private void failed(Group group, ChatPlacement p, TargetException e) {
    if (control.isStopping()) {
      return; // cut short by the stop: the next run files it
    }
    String where = p.fileName() + " (in " + group.container() + ")";
    failures.record(where, e.reason(), "cannot file it in its chat: " + e.getMessage(), 0);
    stats.finished(where, Outcome.FAILED);
  }
}
