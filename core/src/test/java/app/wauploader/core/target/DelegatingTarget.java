package app.wauploader.core.target;

import app.wauploader.core.retry.TargetException;
import app.wauploader.domain.Service;
import java.util.List;

/** A target that forwards every call; tests override the one call they misbehave in. */
public abstract class DelegatingTarget implements Target {
  protected final Target delegate;

  protected DelegatingTarget(Target delegate) {
    this.delegate = delegate;
  }

  @Override
  public Service service() {
    return delegate.service();
  }

  @Override
  public app.wauploader.core.target.TransferSession begin(TransferRequest request)
      throws TargetException, InterruptedException {
    return delegate.begin(request);
  }

  @Override
  public TransferState query(String transferUri, long size)
      throws TargetException, InterruptedException {
    return delegate.query(transferUri, size);
  }

  @Override
  public TransferState send(String transferUri, long offset, byte[] chunk, int length, long size)
      throws TargetException, InterruptedException {
    return delegate.send(transferUri, offset, chunk, length, size);
  }

  @Override
  public TransferState.Complete sendWhole(TransferRequest request, byte[] content, int length)
      throws TargetException, InterruptedException {
    return delegate.sendWhole(request, content, length);
  }

  @Override
  public List<CommitResult> commit(List<CommitRequest> requests)
      throws TargetException, InterruptedException {
    return delegate.commit(requests);
  }

  @Override
  public List<CommitResult> link(String container, List<LinkRequest> requests)
      throws TargetException, InterruptedException {
    return delegate.link(container, requests);
  }

  @Override
  public TargetTraits traits() {
    return delegate.traits();
  }

  @Override
  public java.util.Optional<StoredItem> stored(String remoteId)
      throws TargetException, InterruptedException {
    return delegate.stored(remoteId);
  }
}
