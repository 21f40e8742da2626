package app.wauploader.core.upload;

import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.DelegatingTarget;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TransferState;

/** Simulates a process stopped mid-transfer: after one chunk per file, sends stop. */
final class StopAfterFirstChunk extends DelegatingTarget {
  StopAfterFirstChunk(Target delegate) {
    super(delegate);
  }

  @Override
  public TransferState send(String uri, long offset, byte[] chunk, int length, long size)
      throws TargetException, InterruptedException {
    if (offset > 0) {
      throw new InterruptedException("process stopped");
    }
    return delegate.send(uri, offset, chunk, length, size);
  }
}
