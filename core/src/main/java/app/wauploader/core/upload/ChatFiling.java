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
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.Service;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    Set<Service> halted = EnumSet.noneOf(Service.class);
    groups.forEach(
        (group, placements) -> {
          if (!halted.contains(group.service()) && !file(group, placements)) {
            halted.add(group.service());
          }
        });
  }

  /**
   * Files one chat container's contents, batch by batch.
   *
   * @return false when the service may not be asked again in this run (paused, waiting, stopped)
   */
  private boolean file(Group group, List<ChatPlacement> placements) {
    Target target = targets.get(group.service());
    if (target == null) {
      return true;
    }
    int batch = target.traits().maxLinkBatch();
    for (int from = 0; from < placements.size(); from += batch) {
      List<ChatPlacement> part =
          placements.subList(from, Math.min(placements.size(), from + batch));
      if (!fileBatch(target, group, part)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One call. Photos adds a batch all or nothing, so a batch refused for one of its items (a photo
   * the user deleted) is filed again one by one: only that item fails.
   */
  private boolean fileBatch(Target target, Group group, List<ChatPlacement> part) {
    if (control.isStopping() || failures.pauseOf(group.service()).isPresent()) {
      return false;
    }
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
      if (control.isStopping()) {
        return false; // cut short by the stop: the next run files them
      }
      if (part.size() > 1 && e.reason().handling() == FailureReason.Handling.SKIP_ITEM) {
        for (ChatPlacement p : part) {
          if (!fileBatch(target, group, List.of(p))) {
            return false;
          }
        }
        return true;
      }
      return failures.filingFailed(group.service(), where(group, part), e, part.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    db.useTransaction(
        tx -> {
          for (int i = 0; i < part.size(); i++) {
            Optional<String> id = results.get(i).remoteId();
            if (id.isPresent()) {
              tx.contentChats().placed(part.get(i).sha256(), part.get(i).chatId(), id.get());
            }
          }
        });
    boolean goOn = true;
    for (int i = 0; i < part.size() && goOn; i++) {
      Optional<TargetException> failure = results.get(i).failure();
      if (failure.isPresent()) {
        goOn =
            failures.filingFailed(
                group.service(), where(group, part.subList(i, i + 1)), failure.get(), 1);
      }
    }
    stats.filed(
        group.container(), (int) results.stream().filter(r -> r.remoteId().isPresent()).count());
    return goOn;
  }

  /** {@code IMG-1.jpg (in WhatsApp · Family)}, or how many files, for an error row. */
  private static String where(Group group, List<ChatPlacement> part) {
    String what = part.size() == 1 ? part.get(0).fileName() : part.size() + " files";
    return what + " (in " + group.container() + ")";
  }
}
