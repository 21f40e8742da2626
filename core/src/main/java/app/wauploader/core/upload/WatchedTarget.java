package app.wauploader.core.upload;

import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.CommitRequest;
import app.wauploader.core.target.CommitResult;
import app.wauploader.core.target.LinkRequest;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TargetTraits;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferSession;
import app.wauploader.core.target.TransferState;
import app.wauploader.domain.Service;
import java.util.List;
import java.util.Optional;

/** A target whose every answer and failure is reported to the run's {@link Reachability}. */
final class WatchedTarget implements Target {
  private final Target target;
  private final Reachability reachability;
  private final Throttle throttle;

  /**
   * @param throttle the run's upload-rate cap, shared by every target
   */
  WatchedTarget(Target target, Reachability reachability, Throttle throttle) {
    this.target = target;
    this.reachability = reachability;
    this.throttle = throttle;
  }

  /** One call to watch. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws TargetException, InterruptedException;
  }

  private <T> T watch(Call<T> call) throws TargetException, InterruptedException {
    try {
      T result = call.run();
      reachability.answered();
      return result;
    } catch (TargetException e) {
      reachability.failed(e);
      throw e;
    }
  }

  @Override
  public Service service() {
    return target.service();
  }

  @Override
  public TargetTraits traits() {
    return target.traits();
  }

  @Override
  public TransferSession begin(TransferRequest request)
      throws TargetException, InterruptedException {
    return watch(() -> target.begin(request));
  }

  @Override
  public TransferState query(String transferUri, long size)
      throws TargetException, InterruptedException {
    return watch(() -> target.query(transferUri, size));
  }

  @Override
  public TransferState send(String transferUri, long offset, byte[] chunk, int length, long size)
      throws TargetException, InterruptedException {
    reachability.awaitConditions();
    throttle.acquire(length);
    return watch(() -> target.send(transferUri, offset, chunk, length, size));
  }

  @Override
  public TransferState.Complete sendWhole(TransferRequest request, byte[] content, int length)
      throws TargetException, InterruptedException {
    reachability.awaitConditions();
    throttle.acquire(length);
    return watch(() -> target.sendWhole(request, content, length));
  }

  @Override
  public List<CommitResult> commit(List<CommitRequest> requests)
      throws TargetException, InterruptedException {
    return watch(() -> target.commit(requests));
  }

  @Override
  public List<CommitResult> link(String container, List<LinkRequest> requests)
      throws TargetException, InterruptedException {
    return watch(() -> target.link(container, requests));
  }

  @Override
  public Optional<app.wauploader.core.target.StoredItem> stored(String remoteId)
      throws TargetException, InterruptedException {
    return watch(() -> target.stored(remoteId));
  }

  @Override
  public Optional<String> findExisting(String sha256) throws TargetException, InterruptedException {
    return watch(() -> target.findExisting(sha256));
  }

  @Override
  public void discard(String receipt) throws TargetException, InterruptedException {
    watch(
        () -> {
          target.discard(receipt);
          return null;
        });
  }
}
