package app.wauploader.core.target.memory;

import app.wauploader.core.hash.Sha256;
import app.wauploader.core.retry.TargetException;
import app.wauploader.core.target.CommitRequest;
import app.wauploader.core.target.CommitResult;
import app.wauploader.core.target.LinkRequest;
import app.wauploader.core.target.Target;
import app.wauploader.core.target.TargetTraits;
import app.wauploader.core.target.TransferRequest;
import app.wauploader.core.target.TransferSession;
import app.wauploader.core.target.TransferState;
import app.wauploader.domain.FailureReason;
import app.wauploader.domain.Service;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A target that keeps everything in memory, following the same contract as Drive and Photos: the
 * test fake for the pipeline and the baseline of the contract suite. Commit creates an item from a
 * receipt once; a second commit of the same receipt is rejected, like an used Photos upload token.
 */
public final class InMemoryTarget implements Target {
  private static final String SCHEME = "mem://transfer/";

  private final Service service;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Transfer> transfers = new LinkedHashMap<>();
  private final Map<String, Item> items = new LinkedHashMap<>();
  private final Map<String, Set<String>> links = new LinkedHashMap<>();
  private long bytesReceived;

  public InMemoryTarget(Service service) {
    this.service = service;
  }

  /** A stored item: its container, name and content SHA-256. */
  public record Item(String id, String container, String name, String sha256, long size) {}

  private static final class Transfer {
    final TransferRequest request;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String receipt;
    boolean committed;

    Transfer(TransferRequest request) {
      this.request = request;
    }
  }

  @Override
  public Service service() {
    return service;
  }

  @Override
  public synchronized TransferSession begin(TransferRequest request) {
    String uri = SCHEME + ids.incrementAndGet();
    transfers.put(uri, new Transfer(request));
    return new TransferSession(uri, traits().chunkGranularity());
  }

  /** One request: a transfer begun and finished at once. */
  @Override
  public synchronized TransferState.Complete sendWhole(
      TransferRequest request, byte[] content, int length) throws TargetException {
    String uri = begin(request).uri();
    return (TransferState.Complete) send(uri, 0, content, length, length);
  }

  @Override
  public synchronized TransferState query(String transferUri, long size) {
    Transfer t = transfers.get(transferUri);
    if (t == null) {
      return new TransferState.Expired();
    }
    return state(t);
  }

  @Override
  public synchronized TransferState send(
      String transferUri, long offset, byte[] chunk, int length, long size) throws TargetException {
    Transfer t = transfers.get(transferUri);
    if (t == null) {
      return new TransferState.Expired();
    }
    if (t.receipt != null) {
      return state(t);
    }
    long held = t.bytes.size();
    if (offset > held) {
      throw new TargetException(
          FailureReason.REJECTED, "in-memory upload: offset " + offset + " beyond " + held);
    }
    bytesReceived += length;
    int skip = (int) (held - offset);
    if (skip < length) {
      t.bytes.write(chunk, skip, length - skip);
    }
    if (t.bytes.size() >= t.request.size()) {
      t.receipt = "receipt-" + ids.incrementAndGet();
    }
    return state(t);
  }

  private TransferState state(Transfer t) {
    return t.receipt == null
        ? new TransferState.Active(t.bytes.size())
        : new TransferState.Complete(t.receipt, Optional.of(sha256(t.bytes.toByteArray())));
  }

  @Override
  public synchronized List<CommitResult> commit(List<CommitRequest> requests) {
    List<CommitResult> results = new ArrayList<>();
    for (CommitRequest r : requests) {
      Transfer t = null;
      for (Transfer candidate : transfers.values()) {
        if (r.receipt().equals(candidate.receipt)) {
          t = candidate;
        }
      }
      if (t == null || t.committed) {
        results.add(
            CommitResult.failure(
                r.key(), new TargetException(FailureReason.REJECTED, "unknown or used receipt")));
        continue;
      }
      t.committed = true;
      String id = "item-" + ids.incrementAndGet();
      byte[] content = t.bytes.toByteArray();
      items.put(id, new Item(id, r.container(), r.remoteName(), sha256(content), content.length));
      results.add(CommitResult.success(r.key(), id));
    }
    return results;
  }

  /**
   * Files stored items in one more container; like Photos' batchAddMediaItems, all or nothing: an
   * unknown id fails the whole call.
   */
  @Override
  public synchronized List<CommitResult> link(String container, List<LinkRequest> requests)
      throws TargetException {
    for (LinkRequest r : requests) {
      if (!items.containsKey(r.remoteId())) {
        throw new TargetException(
            FailureReason.REJECTED, 400, "unknown item " + r.remoteId(), Optional.empty(), null);
      }
    }
    List<CommitResult> results = new ArrayList<>();
    for (LinkRequest r : requests) {
      links.computeIfAbsent(r.remoteId(), k -> new LinkedHashSet<>()).add(container);
      results.add(CommitResult.success(r.key(), r.remoteId()));
    }
    return results;
  }

  /**
   * Like the service it stands in for: Photos-like targets hand out upload tokens committed in
   * batches, Drive-like ones commit at once; both report the SHA-256 of what they hold.
   */
  @Override
  public TargetTraits traits() {
    return service == Service.PHOTOS
        ? new TargetTraits(
            TargetTraits.Commit.BATCHED,
            50,
            TargetTraits.Receipt.UPLOAD_TOKEN,
            Duration.ofHours(23),
            false,
            false,
            true,
            256 * 1024,
            50,
            true)
        : new TargetTraits(
            TargetTraits.Commit.AT_ONCE,
            50,
            TargetTraits.Receipt.REMOTE_ID,
            Duration.ZERO,
            true,
            false,
            true,
            256 * 1024,
            1,
            true);
  }

  /** Every committed item, in commit order. */
  public synchronized List<Item> items() {
    return List.copyOf(items.values());
  }

  /** A committed item, with the SHA-256 of its bytes; empty once {@link #delete}d. */
  @Override
  public synchronized Optional<app.wauploader.core.target.StoredItem> stored(String remoteId) {
    Item item = items.get(remoteId);
    return item == null
        ? Optional.empty()
        : Optional.of(
            new app.wauploader.core.target.StoredItem(item.id(), Optional.of(item.sha256())));
  }

  /** Removes a committed item (as a user deleting it in the service's app). */
  public synchronized void delete(String remoteId) {
    items.remove(remoteId);
  }

  /** Body bytes received by {@link #send}, including re-sent overlaps. */
  public synchronized long bytesReceived() {
    return bytesReceived;
  }

  /** Forgets every open transfer (like sessions expiring). */
  public synchronized void expireTransfers() {
    transfers.entrySet().removeIf(e -> e.getValue().receipt == null);
  }

  private static String sha256(byte[] content) {
    return Sha256.of(content, content.length);
  }
}
